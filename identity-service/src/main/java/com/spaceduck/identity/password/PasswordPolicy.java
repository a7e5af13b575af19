package com.spaceduck.identity.password;

import com.spaceduck.platform.problem.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sign-up password rules: 12 to 128 characters, at least two character classes (lower case,
 * upper case, digits, anything else), and not the email address or containing it.
 */
public final class PasswordPolicy {

  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 128;

  private PasswordPolicy() {}

  /** Every rule {@code password} breaks, as errors on the {@code password} field. */
  public static List<FieldError> check(String password, String normalizedEmail) {
    List<FieldError> errors = new ArrayList<>();
    if (password == null) {
      errors.add(new FieldError("password", "must not be null"));
      return errors;
    }
    int length = password.codePointCount(0, password.length());
    if (length < MIN_LENGTH || length > MAX_LENGTH) {
      errors.add(
          new FieldError(
              "password",
              "must be between " + MIN_LENGTH + " and " + MAX_LENGTH + " characters long"));
    }
    if (classes(password) < 2) {
      errors.add(
          new FieldError(
              "password",
              "must mix at least two of: lower-case letters, upper-case letters, digits, symbols"));
    }
    if (normalizedEmail != null
        && !normalizedEmail.isEmpty()
        && password.toLowerCase(Locale.ROOT).contains(normalizedEmail)) {
      errors.add(new FieldError("password", "must not be or contain your email address"));
    }
    return errors;
  }

  private static int classes(String password) {
    boolean lower = false;
    boolean upper = false;
    boolean digit = false;
    boolean other = false;
    for (int i = 0; i < password.length(); ) {
      int c = password.codePointAt(i);
      if (Character.isLowerCase(c)) {
        lower = true;
      } else if (Character.isUpperCase(c)) {
        upper = true;
      } else if (Character.isDigit(c)) {
        digit = true;
      } else {
        other = true;
      }
      i += Character.charCount(c);
    }
    return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
  }
}
