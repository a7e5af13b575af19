package com.spaceduck.platform.testing;

import static com.spaceduck.platform.testing.ManagementInterface.management;
import static com.spaceduck.platform.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.spaceduck.platform.problem.ErrorKind;
import com.spaceduck.platform.problem.ProblemFamily;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

/**
 * The HTTP conventions a service keeps as it is shipped: checked against the packaged application
 * ({@code XxxIT}, {@code @QuarkusIntegrationTest}) with nothing from the test sources in it, and
 * inherited by {@link HttpConventionsContract} for {@code @QuarkusTest}s.
 */
public abstract class PackagedConventionsContract {

  private final ProblemFamily family;

  /**
   * @param family the family of the service's error codes
   */
  protected PackagedConventionsContract(ProblemFamily family) {
    this.family = family;
  }

  private String code(ErrorKind kind) {
    return family.code(kind);
  }

  @Test
  void unknownPathIsProblem404() {
    assertProblem(given().get("/no/such/path").then(), 404, code(ErrorKind.NOT_FOUND));
  }

  @Test
  void unknownManagementPathIsProblem404() {
    assertProblem(given().get("/q/no-such-thing").then(), 404, code(ErrorKind.NOT_FOUND));
  }

  @Test
  void overlongRequestTargetIsProblem414() {
    // 8 KiB is the limit; the HTTP decoder's own (bare) limit is far above it.
    String query = "?q=" + "a".repeat(9000);
    assertProblem(given().get("/no/such/path" + query).then(), 414, code(ErrorKind.URI_TOO_LONG))
        .header("Connection", "close");
    assertProblem(
        given().get("/no/such/path?q=" + "a".repeat(8000)).then(), 404, code(ErrorKind.NOT_FOUND));
  }

  @Test
  void healthAndMetricsAreServedOnTheManagementInterface() {
    for (String probe : new String[] {"/q/health/live", "/q/health/ready", "/q/health/started"}) {
      management().get(probe).then().statusCode(200).body("status", equalTo("UP"));
    }
    management()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(containsString("jvm_memory_used_bytes"));
  }

  @Test
  void noOpenApiDocumentIsServed() {
    // Each service's document is a build output (target/openapi); the gateway publishes them
    // merged.
    management().get("/q/openapi").then().statusCode(404);
  }

  @Test
  void apiPortServesNoHealthMetricsOrOpenApi() {
    assertNotEquals(RestAssured.port, ManagementInterface.port());
    for (String path :
        new String[] {
          "/q/health",
          "/q/health/live",
          "/q/health/ready",
          "/q/health/started",
          "/q/metrics",
          "/q/openapi"
        }) {
      assertProblem(given().get(path).then(), 404, code(ErrorKind.NOT_FOUND));
    }
  }

  @Test
  void aProblemEchoesTheRequestId() {
    assertProblem(
            given().header("X-Request-Id", "trace-packaged_1").get("/no/such/path").then(),
            404,
            code(ErrorKind.NOT_FOUND))
        .header("X-Request-Id", "trace-packaged_1")
        .body("request_id", equalTo("trace-packaged_1"));
  }
}
