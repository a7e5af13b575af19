package com.spaceduck.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.spaceduck.gateway.support.UpstreamStubs;
import com.spaceduck.platform.problem.ProblemFamily;
import com.spaceduck.platform.testing.PackagedApplication;
import com.spaceduck.platform.testing.PackagedConventionsContract;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged gateway keeps the HTTP conventions and does its job: each API reaches its service,
 * limited in Redis with the limit's headers on the answer.
 */
@QuarkusIntegrationTest
@WithTestResource(UpstreamStubs.class)
@WithTestResource(PackagedApplication.class)
@WithTestResource(PackagedIT.StatusOfTheStubs.class)
class PackagedIT extends PackagedConventionsContract {

  /** The stubs include a dead upstream with no readiness endpoint; the status page skips it. */
  public static class StatusOfTheStubs implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
      return Map.of("spaceduck.gateway.status.upstreams", String.join(",", UpstreamStubs.NAMES));
    }

    @Override
    public void stop() {}
  }

  PackagedIT() {
    super(ProblemFamily.SPACE_DUCK);
  }

  @Test
  void eachApiReachesItsServiceWithinItsLimit() {
    given()
        .get("/beak/me")
        .then()
        .statusCode(200)
        .body("upstream", equalTo("identity"))
        .header("RateLimit-Policy", notNullValue())
        .header("RateLimit-Remaining", notNullValue());
    given()
        .get("/beak/cert/verify?cert_id=abc")
        .then()
        .statusCode(200)
        .body("upstream", equalTo("cert"))
        .body("uri", equalTo("/beak/cert/verify?cert_id=abc"));
    given().get("/v1/catalog").then().statusCode(200).body("upstream", equalTo("sync"));
  }
}
