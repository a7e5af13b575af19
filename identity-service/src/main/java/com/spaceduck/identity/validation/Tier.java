package com.spaceduck.identity.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import com.spaceduck.platform.contracts.TrustTier;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The name of a {@link TrustTier} from {@link #min()} up ({@code T1}). Stays a string in the
 * request so that a wrong value is refused with the tiers it may be, not as a wrong type. {@code
 * null} is valid: combine with {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = Tier.Validator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface Tier {

  /** The lowest tier accepted. */
  TrustTier min() default TrustTier.T0;

  /** Default: "must be one of" and the accepted tiers. */
  String message() default "";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<Tier, String> {
    private List<String> accepted;
    private String message;

    @Override
    public void initialize(Tier annotation) {
      accepted =
          Arrays.stream(TrustTier.values())
              .filter(tier -> tier.compareTo(annotation.min()) >= 0)
              .map(TrustTier::name)
              .toList();
      message =
          annotation.message().isEmpty()
              ? accepted.stream().collect(Collectors.joining(", ", "must be one of ", ""))
              : annotation.message();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null || accepted.contains(value)) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
      return false;
    }
  }
}
