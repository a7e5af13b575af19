package com.spaceduck.identity.validation;

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
import java.util.regex.Pattern;

/**
 * A phone number in E.164 form: {@code +}, a country code that does not start with 0, and at most
 * 15 digits in all ({@code +447911123456}). {@code null} is valid: combine with {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = E164.Validator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface E164 {

  String message() default "must be an E.164 number such as +447911123456";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<E164, String> {
    private static final Pattern NUMBER = Pattern.compile("\\+[1-9][0-9]{6,14}");

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || NUMBER.matcher(value).matches();
    }
  }
}
