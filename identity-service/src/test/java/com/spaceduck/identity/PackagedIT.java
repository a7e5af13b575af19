package com.spaceduck.identity;

import static org.hamcrest.Matchers.equalTo;

import com.spaceduck.identity.TestDucklings.TestDuckling;
import com.spaceduck.platform.problem.ProblemFamily;
import com.spaceduck.platform.testing.PackagedApplication;
import com.spaceduck.platform.testing.PackagedConventionsContract;
import com.spaceduck.platform.testing.PostgresTestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The packaged identity-service keeps the HTTP conventions and serves its main flow: sign up, sign
 * in, read one's profile, verify one's email.
 */
@QuarkusIntegrationTest
@WithTestResource(PostgresTestDatabase.class)
@WithTestResource(PackagedApplication.class)
class PackagedIT extends PackagedConventionsContract {

  PackagedIT() {
    super(ProblemFamily.SPACE_DUCK);
  }

  @Test
  void aDucklingSignsUpSignsInAndVerifiesItsEmail() {
    TestDuckling duckling = TestDucklings.create();
    duckling
        .as()
        .get("/beak/me")
        .then()
        .statusCode(200)
        .body("duckling_id", equalTo(duckling.id()))
        .body("email", equalTo(duckling.email()))
        .body("trust_tier", equalTo("T0"));
    TestDucklings.verifyEmail(duckling);
    duckling.as().get("/beak/me").then().statusCode(200).body("email_verified", equalTo(true));
  }
}
