package com.spaceduck.gateway;

import static com.spaceduck.platform.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;

import com.spaceduck.platform.problem.ProblemFamily;
import com.spaceduck.platform.testing.HttpConventionsContract;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HttpConventionsTest extends HttpConventionsContract {

  HttpConventionsTest() {
    super(ProblemFamily.SPACE_DUCK, true);
  }

  @Test
  void problemsTakeTheFamilyOfTheRequestedApi() {
    assertProblem(given().get("/beak/no-such-thing").then(), 404, "E4005");
    assertProblem(given().get("/beak/cert/no-such-thing").then(), 404, "not_found");
    assertProblem(given().get("/v1/no-such-thing").then(), 404, "not_found");
  }
}
