package com.spaceduck.identity;

import static io.restassured.RestAssured.given;

import com.spaceduck.platform.testing.ProxiedDependencies;
import com.spaceduck.platform.testing.ReadinessRecoveryContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

@QuarkusTest
@TestProfile(ProxiedDependencies.class)
class ReadinessTest extends ReadinessRecoveryContract {

  /** A well-formed Beak Key is looked up in the database (401 when it is unknown). */
  @Override
  protected Response requestNeedingTheDatabase() {
    return given()
        .header("Authorization", "Bearer bk_live_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
        .get("/beak/me");
  }
}
