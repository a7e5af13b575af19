package com.spaceduck.cert.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.UUID;

/** Revokes through the API, as the holder. */
public final class Revocations {

  private Revocations() {}

  public static void revoke(UUID ducklingId, UUID certId) {
    given()
        .header("Authorization", "Bearer " + Tokens.duckling(ducklingId))
        .contentType(ContentType.JSON)
        .body("{\"cert_id\":\"" + certId + "\",\"reason\":\"test\"}")
        .post("/beak/cert/revoke")
        .then()
        .statusCode(200);
  }
}
