package com.spaceduck.platform.testing;

import static com.spaceduck.platform.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import com.spaceduck.platform.problem.ErrorKind;
import com.spaceduck.platform.problem.ProblemFamily;
import io.quarkus.runtime.configuration.MemorySize;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The HTTP conventions every service keeps (DESIGN.md, "Conventions"). Each service's test extends
 * it, naming its error family and JSON naming. Beyond what {@link PackagedConventionsContract}
 * checks on a packaged application, these use the test-only probe resource of each service's test
 * sources ({@code /test-support/probe}).
 */
public abstract class HttpConventionsContract extends PackagedConventionsContract {

  private static final String PROBE = "/test-support/probe";
  private static final String UUID_PATTERN =
      "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  private final ProblemFamily family;
  private final boolean snakeCaseJson;
  private final String unauthorizedCode;

  /**
   * @param family the family of the service's error codes
   * @param snakeCaseJson whether the service writes JSON field names in snake_case
   */
  protected HttpConventionsContract(ProblemFamily family, boolean snakeCaseJson) {
    this(family, snakeCaseJson, family.code(ErrorKind.UNAUTHORIZED));
  }

  /**
   * For a service whose API documents its own code for every 401 ({@code
   * spaceduck.problems.codes.unauthorized}).
   */
  protected HttpConventionsContract(
      ProblemFamily family, boolean snakeCaseJson, String unauthorizedCode) {
    super(family);
    this.family = family;
    this.snakeCaseJson = snakeCaseJson;
    this.unauthorizedCode = unauthorizedCode;
  }

  private String code(ErrorKind kind) {
    return family.code(kind);
  }

  private String displayName() {
    return snakeCaseJson ? "display_name" : "displayName";
  }

  @Test
  void wrongMethodIsProblem405() {
    assertProblem(given().delete(PROBE).then(), 405, code(ErrorKind.METHOD_NOT_ALLOWED));
  }

  @Test
  void wrongContentTypeIsProblem415() {
    assertProblem(
        given().contentType(ContentType.TEXT).body("hello").post(PROBE).then(),
        415,
        code(ErrorKind.UNSUPPORTED_MEDIA_TYPE));
  }

  @Test
  void malformedJsonIsProblem400() {
    assertProblem(
            given()
                .contentType(ContentType.JSON)
                .body("{\"" + displayName() + "\": ")
                .post(PROBE)
                .then(),
            400,
            code(ErrorKind.BAD_REQUEST))
        .body("detail", equalTo("The request body is not valid JSON."));
  }

  @Test
  void wrongJsonTypeNamesTheField() {
    String body = "{\"" + displayName() + "\":\"Dot\",\"items\":[{\"amount\":\"lots\"}]}";
    assertProblem(
            given().contentType(ContentType.JSON).body(body).post(PROBE).then(),
            400,
            code(ErrorKind.BAD_REQUEST))
        .body("errors", hasSize(1))
        .body("errors[0].field", equalTo("items[0].amount"));
  }

  @Test
  void invalidFieldsAreAllListed() {
    String body = "{\"" + displayName() + "\":\" \",\"items\":[{\"amount\":1},{\"amount\":-1}]}";
    assertProblem(
            given().contentType(ContentType.JSON).body(body).post(PROBE).then(),
            400,
            code(ErrorKind.BAD_REQUEST))
        .body("errors", hasSize(2))
        .body("errors.field", org.hamcrest.Matchers.contains(displayName(), "items[1].amount"));
  }

  @Test
  void validRequestPassesWithRequestIdInMdc() {
    given()
        .header("X-Request-Id", "probe-valid-1")
        .contentType(ContentType.JSON)
        .body("{\"" + displayName() + "\":\"Dot\",\"items\":[{\"amount\":3}]}")
        .post(PROBE)
        .then()
        .statusCode(200)
        .header("X-Request-Id", "probe-valid-1")
        .body(displayName(), equalTo("Dot"))
        .body(snakeCaseJson ? "request_id" : "requestId", equalTo("probe-valid-1"));
  }

  @Test
  void oversizedBodyIsProblem413() {
    // Just over the service's own limit (sync-service takes larger bodies than the others).
    long limit =
        ConfigProvider.getConfig()
            .getValue("quarkus.http.limits.max-body-size", MemorySize.class)
            .asLongValue();
    String huge = "{\"" + displayName() + "\":\"" + "x".repeat((int) limit + 1024) + "\"}";
    assertProblem(
        given().contentType(ContentType.JSON).body(huge).post(PROBE).then(),
        413,
        code(ErrorKind.PAYLOAD_TOO_LARGE));
  }

  @Test
  void unreachableDependencyIsProblem503WithRetryAfter() {
    assertProblem(given().get(PROBE + "/unreachable").then(), 503, code(ErrorKind.UNAVAILABLE))
        .header("Retry-After", "5");
  }

  @Test
  void problemExceptionKeepsRetryAfterAndExtensions() {
    assertProblem(given().get(PROBE + "/problem").then(), 429, code(ErrorKind.TOO_MANY_REQUESTS))
        .header("Retry-After", "7")
        .body("limit", equalTo(5))
        .body("detail", equalTo("Slow down."));
  }

  @Test
  void securityFailuresAreProblems() {
    assertProblem(given().get(PROBE + "/unauthenticated").then(), 401, unauthorizedCode)
        .header("WWW-Authenticate", "Bearer");
    assertProblem(given().get(PROBE + "/forbidden").then(), 403, code(ErrorKind.FORBIDDEN));
  }

  @Test
  void unexpectedFailureIs500WithoutDetails() {
    assertProblem(given().get(PROBE + "/crash").then(), 500, code(ErrorKind.INTERNAL))
        .body(not(containsString("secret")));
  }

  @Test
  void requestIdIsEchoedAndFollowsAsyncWork() {
    given()
        .header("X-Request-Id", "trace-abc_123")
        .get(PROBE + "/request-id")
        .then()
        .statusCode(200)
        .header("X-Request-Id", "trace-abc_123")
        .body(equalTo("trace-abc_123"));
  }

  @Test
  void unsafeOrMissingRequestIdIsReplaced() {
    given()
        .header("X-Request-Id", "no spaces; or <tags>")
        .get(PROBE + "/request-id")
        .then()
        .statusCode(200)
        .header("X-Request-Id", matchesPattern(UUID_PATTERN))
        .body(matchesPattern(UUID_PATTERN));
    given().get("/no/such/path").then().body("request_id", matchesPattern(UUID_PATTERN));
  }
}
