package com.spaceduck.identity.signup;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import com.spaceduck.identity.EmailAddresses;
import com.spaceduck.identity.password.PasswordPolicy;
import com.spaceduck.platform.problem.FieldError;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The sign-up password meets {@link PasswordPolicy}. On the request rather than on the field
 * because one rule compares the password with the email address. Each broken rule is its own error
 * on {@code password}; a missing password is left to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = AcceptablePassword.Validator.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface AcceptablePassword {

  String message() default "must meet the password policy";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<AcceptablePassword, SignupRequest> {
    @Override
    public boolean isValid(SignupRequest request, ConstraintValidatorContext context) {
      if (request == null || request.password() == null) {
        return true;
      }
      var errors =
          PasswordPolicy.check(request.password(), EmailAddresses.normalize(request.email()));
      if (errors.isEmpty()) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      for (FieldError error : errors) {
        context
            .buildConstraintViolationWithTemplate(escape(error.message()))
            .addPropertyNode("password")
            .addConstraintViolation();
      }
      return false;
    }

    /** The policy's sentences are text, not message templates. */
    private static String escape(String message) {
      return message.replace("\\", "\\\\").replace("{", "\\{").replace("$", "\\$");
    }
  }
}
