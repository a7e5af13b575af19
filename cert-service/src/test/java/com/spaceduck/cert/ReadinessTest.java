package com.spaceduck.cert;

import static io.restassured.RestAssured.given;

import com.spaceduck.platform.testing.ProxiedDependencies;
import com.spaceduck.platform.testing.ReadinessRecoveryContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.UUID;

@QuarkusTest
@TestProfile(ProxiedDependencies.class)
class ReadinessTest extends ReadinessRecoveryContract {

  /** Public verify reads the certificate (404 for an unknown id). */
  @Override
  protected Response requestNeedingTheDatabase() {
    return given()
        .contentType(ContentType.JSON)
        .body("{\"cert_id\":\"" + UUID.randomUUID() + "\"}")
        .post("/beak/cert/verify");
  }
}
