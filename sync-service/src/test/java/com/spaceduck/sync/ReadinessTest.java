package com.spaceduck.sync;

import static io.restassured.RestAssured.given;

import com.spaceduck.platform.testing.ProxiedDependencies;
import com.spaceduck.platform.testing.ReadinessRecoveryContract;
import com.spaceduck.sync.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

@QuarkusTest
@TestProfile(ProxiedDependencies.class)
class ReadinessTest extends ReadinessRecoveryContract {

  private static final String OWNER = Tokens.owner();

  /** An owner's venues are read from the database (200 and an empty list for a new owner). */
  @Override
  protected Response requestNeedingTheDatabase() {
    return given().header("Authorization", "Bearer " + OWNER).get("/v1/venues");
  }
}
