package com.spaceduck.sync.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

/**
 * An IANA region id such as {@code Europe/Berlin} or {@code UTC}, surrounding white space aside;
 * offsets like {@code +02:00} name no venue's rules. {@code null} and blank are valid (they mean
 * UTC).
 */
@Documented
@Constraint(validatedBy = TimeZoneId.Validator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface TimeZoneId {

  String message() default "must be an IANA time zone such as Europe/Berlin";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<TimeZoneId, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || value.isBlank() || region(value).isPresent();
    }

    /** The region {@code value} names, or empty when it names none. */
    public static Optional<ZoneId> region(String value) {
      try {
        ZoneId zone = ZoneId.of(value.strip());
        return ZoneId.getAvailableZoneIds().contains(zone.getId())
            ? Optional.of(zone)
            : Optional.empty();
      } catch (DateTimeException e) {
        return Optional.empty();
      }
    }
  }
}
