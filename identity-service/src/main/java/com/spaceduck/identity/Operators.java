package com.spaceduck.identity;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is in the {@code operator} group: ducklings whose email is on the configured bootstrap list
 * and verified. Requiring verification stops anyone from claiming operator rights by merely
 * registering a listed address first.
 */
@ApplicationScoped
public class Operators {

  public static final String GROUP = "operator";
  public static final String DUCKLING_GROUP = "duckling";

  private final Set<String> emails;

  public Operators(IdentityConfig config) {
    this.emails =
        config.operators().orElse(List.of()).stream()
            .map(EmailAddresses::normalize)
            .filter(email -> !email.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
  }

  public boolean isOperator(String email, boolean emailVerified) {
    return emailVerified && emails.contains(email);
  }

  /** The {@code groups} of a duckling. */
  public Set<String> groups(String email, boolean emailVerified) {
    return isOperator(email, emailVerified)
        ? Set.of(DUCKLING_GROUP, GROUP)
        : Set.of(DUCKLING_GROUP);
  }
}
