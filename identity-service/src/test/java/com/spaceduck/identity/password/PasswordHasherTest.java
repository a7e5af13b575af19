package com.spaceduck.identity.password;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spaceduck.identity.IdentityConfig;
import java.lang.reflect.Proxy;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Plain JUnit with the production parameters (m=19456 KiB, t=2, p=1). */
class PasswordHasherTest {

  private final PasswordHasher hasher = new PasswordHasher(config(19456, 2, 1));

  @AfterEach
  void stop() {
    hasher.stop();
  }

  @Test
  void hashVerifiesOnlyItsPassword() {
    String hash = hasher.hashNow("Correct-Horse-42");
    assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
    assertTrue(hasher.verifyNow("Correct-Horse-42", hash));
    assertFalse(hasher.verifyNow("Correct-Horse-43", hash));
  }

  @Test
  void samePasswordGetsDifferentSalts() {
    assertNotEquals(hasher.hashNow("Correct-Horse-42"), hasher.hashNow("Correct-Horse-42"));
  }

  @Test
  void hashesMadeWithOtherParametersStillVerify() {
    PasswordHasher cheap = new PasswordHasher(config(4096, 1, 1));
    try {
      String old = cheap.hashNow("Correct-Horse-42");
      assertTrue(hasher.verifyNow("Correct-Horse-42", old));
    } finally {
      cheap.stop();
    }
  }

  @Test
  void malformedStoredHashNeverMatches() {
    assertFalse(hasher.verifyNow("x", "$2a$12$abcdefghijklmnopqrstuv"));
    assertFalse(hasher.verifyNow("x", "$argon2i$v=19$m=4096,t=1,p=1$c2FsdA$aGFzaA"));
  }

  /**
   * An unknown account is checked against a dummy hash made with the configured parameters, so it
   * does the same Argon2 work as a real check (the time itself is bench/identity's to measure, not
   * a unit test's on a shared machine).
   */
  @Test
  void unknownAccountIsCheckedAgainstAHashOfTheSameCost() {
    assertTrue(
        hasher.dummyHash().startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hasher.dummyHash());
    assertFalse(hasher.verify("anything", null).await().indefinitely());
    assertFalse(hasher.verify("not a real password", null).await().indefinitely());
  }

  static IdentityConfig config(int memoryKib, int iterations, int parallelism) {
    IdentityConfig.Password password =
        (IdentityConfig.Password)
            Proxy.newProxyInstance(
                IdentityConfig.Password.class.getClassLoader(),
                new Class<?>[] {IdentityConfig.Password.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "memoryKib" -> memoryKib;
                      case "iterations" -> iterations;
                      case "parallelism" -> parallelism;
                      case "concurrency" -> Optional.of(1);
                      case "queueSize" -> 8;
                      default -> throw new UnsupportedOperationException(method.getName());
                    });
    return (IdentityConfig)
        Proxy.newProxyInstance(
            IdentityConfig.class.getClassLoader(),
            new Class<?>[] {IdentityConfig.class},
            (proxy, method, args) -> {
              if (method.getName().equals("password")) {
                return password;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }
}
