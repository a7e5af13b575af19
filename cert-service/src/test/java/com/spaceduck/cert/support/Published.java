package com.spaceduck.cert.support;

import static io.restassured.RestAssured.given;

import com.spaceduck.cert.verifier.CredentialVerifier;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jwt.JwtClaims;

/** What cert-service publishes, fetched over HTTP as a partner would. */
public final class Published {

  private Published() {}

  /** The JWK Set text. */
  public static String jwks() {
    return given()
        .get("/beak/cert/.well-known/jwks.json")
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }

  /** A verifier trusting the published keys. */
  public static CredentialVerifier verifier() {
    return CredentialVerifier.fromJwks(jwks());
  }

  /** The certificate's credential from the public endpoint. */
  public static String credential(UUID certId) {
    return given()
        .get("/beak/cert/" + certId + "/credential")
        .then()
        .statusCode(200)
        .extract()
        .path("credential");
  }

  /** The status list credential at a URL the credential names (only its path is used). */
  public static String statusList(String url) {
    String path = url.substring(url.indexOf("/beak/"));
    return given().get(path).then().statusCode(200).extract().asString();
  }

  /** The decoded claims of a compact JWS, without checking anything. */
  public static Map<String, Object> claims(String jws) {
    return part(jws, 1);
  }

  /** The decoded header of a compact JWS. */
  public static Map<String, Object> header(String jws) {
    return part(jws, 0);
  }

  /** The JSON of a compact JWS's payload. */
  public static String payload(String jws) {
    return new String(Base64.getUrlDecoder().decode(jws.split("\\.")[1]), StandardCharsets.UTF_8);
  }

  private static Map<String, Object> part(String jws, int index) {
    try {
      String json =
          new String(
              Base64.getUrlDecoder().decode(jws.split("\\.")[index]), StandardCharsets.UTF_8);
      return JwtClaims.parse(json).getClaimsMap();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
