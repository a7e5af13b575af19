package com.spaceduck.gateway;

import static com.spaceduck.platform.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;

import com.spaceduck.gateway.support.UpstreamStubs;
import com.spaceduck.platform.problem.ProblemFamily;
import com.spaceduck.platform.testing.HttpConventionsContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(UpstreamStubs.class)
class HttpConventionsTest extends HttpConventionsContract {

  HttpConventionsTest() {
    super(ProblemFamily.SPACE_DUCK, true);
  }

  @Test
  void problemsTakeTheFamilyOfTheRequestedApi() {
    assertProblem(given().get("/nope").then(), 404, "E4005");
    assertProblem(given().get("/v1/dead/anything").then(), 503, "service_unavailable");
    assertProblem(given().get("/beak/files/slow").then(), 504, "E5004");
    assertProblem(given().get("/beak/cert/slow").then(), 504, "gateway_timeout");
  }
}
