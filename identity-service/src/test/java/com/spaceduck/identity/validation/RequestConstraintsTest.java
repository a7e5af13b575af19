package com.spaceduck.identity.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.spaceduck.identity.keys.CreateKeyRequest;
import com.spaceduck.identity.newsletter.SubscribeRequest;
import com.spaceduck.identity.signup.SignupRequest;
import com.spaceduck.identity.support.ContactRequest;
import com.spaceduck.identity.trust.ElevateRequest;
import com.spaceduck.identity.verification.PhoneRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The identity request constraints, each refusing what it must and accepting the rest. */
class RequestConstraintsTest {

  private static final String PASSWORD = "Correct-Horse-Battery-42";

  private static ValidatorFactory factory;
  private static Validator validator;

  @BeforeAll
  static void start() {
    factory =
        Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory();
    validator = factory.getValidator();
  }

  @AfterAll
  static void stop() {
    factory.close();
  }

  private static void refused(Object request, String... errors) {
    assertEquals(List.of(errors), errors(request));
  }

  private static void refusedOnce(Object request) {
    assertEquals(1, errors(request).size(), () -> errors(request).toString());
  }

  private static void accepted(Object request) {
    assertEquals(List.of(), errors(request));
  }

  /** "field: message" for every violation, sorted. */
  private static List<String> errors(Object request) {
    return validator.validate(request).stream()
        .map(RequestConstraintsTest::describe)
        .sorted()
        .toList();
  }

  private static String describe(ConstraintViolation<?> violation) {
    return violation.getPropertyPath() + ": " + violation.getMessage();
  }

  @Test
  void emailAddressRefusesWhatIsNotAnAddress() {
    refused(new SubscribeRequest("not-an-email"), "email: must be a valid email address");
    refusedOnce(new ContactRequest("ada@", "Hello"));
    refusedOnce(new SubscribeRequest("a".repeat(65) + "@example.com"));
    refusedOnce(new SubscribeRequest("a@" + "b".repeat(250) + ".io"));
  }

  @Test
  void emailAddressAcceptsAnAddressBeforeNormalisation() {
    accepted(new SubscribeRequest("  Ada@Example.COM "));
  }

  @Test
  void e164RefusesNationalAndMalformedNumbers() {
    refused(
        new PhoneRequest("07911 123456"), "phone: must be an E.164 number such as +447911123456");
    refusedOnce(new PhoneRequest("+0447911123456"));
    refusedOnce(new PhoneRequest("+12345"));
    refusedOnce(new PhoneRequest("+1234567890123456"));
    accepted(new PhoneRequest("+447911123456"));
  }

  @Test
  void tierRefusesUnknownTiersAndTiersBelowTheMinimum() {
    refused(new ElevateRequest("T0", null, null), "targetTier: must be one of T1, T2, T3");
    refusedOnce(new ElevateRequest("t2", null, null));
    accepted(new ElevateRequest("T2", null, null));
    refused(new CreateKeyRequest("ci", "T4", 30), "tier: must be one of T0, T1, T2, T3");
    accepted(new CreateKeyRequest("ci", "T0", 30));
    accepted(new CreateKeyRequest("ci", null, 30));
  }

  @Test
  void plainTextRefusesBlankAndControlCharacters() {
    String email = "ada@example.com";
    refused(
        new SignupRequest(email, PASSWORD, "  "),
        "displayName: must not be blank or contain control characters");
    refusedOnce(new SignupRequest(email, PASSWORD, "Ada\u0007Duck"));
    accepted(new SignupRequest(email, PASSWORD, " Ada Duck\n"));
    accepted(new SignupRequest(email, PASSWORD, null));
  }

  @Test
  void acceptablePasswordReportsEachBrokenRuleOnThePassword() {
    refused(
        new SignupRequest("ada@example.com", "short", null),
        "password: must be between 12 and 128 characters long",
        "password: must mix at least two of: lower-case letters, upper-case letters, digits,"
            + " symbols");
    refused(
        new SignupRequest("Ada@Example.com", "X1ada@example.com", null),
        "password: must not be or contain your email address");
    refused(new SignupRequest("ada@example.com", null, null), "password: must not be null");
    accepted(new SignupRequest("ada@example.com", PASSWORD, null));
  }
}
