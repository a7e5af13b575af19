package com.spaceduck.identity.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import com.spaceduck.identity.EmailAddresses;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * An address {@link EmailAddresses#valid} accepts once normalised (trimmed, lower-cased), the form
 * it is stored in. {@code null} is valid: combine with {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = EmailAddress.Validator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface EmailAddress {

  String message() default "must be a valid email address";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<EmailAddress, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || EmailAddresses.valid(EmailAddresses.normalize(value));
    }
  }
}
