package com.spaceduck.cert.verify;

import static com.spaceduck.platform.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.spaceduck.cert.support.CertRows;
import com.spaceduck.cert.support.EcKeys;
import com.spaceduck.cert.support.MutableClock;
import com.spaceduck.cert.support.Published;
import com.spaceduck.cert.support.Revocations;
import com.spaceduck.cert.verifier.CredentialFormat;
import com.spaceduck.cert.verifier.CredentialSigning;
import com.spaceduck.platform.testing.PostgresTestDatabase;
import com.spaceduck.platform.testing.TestJwts;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.security.KeyPair;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code POST /beak/cert/verify {"credential": …}}: checked, then answered like its cert_id. */
@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
class VerifyCredentialTest {

  private static final String PATH = "/beak/cert/verify";

  @Inject MutableClock clock;

  @AfterEach
  void realTimeAgain() {
    clock.reset();
  }

  @Test
  void genuineCredentialIsAnsweredExactlyLikeItsCertId() {
    UUID certId = CertRows.issued().name("Jane Doe").tier("T1").insert();
    String byCredential =
        credentialForm(Published.credential(certId)).statusCode(200).extract().asString();
    String byId = post("{\"cert_id\":\"" + certId + "\"}").statusCode(200).extract().asString();
    assertEquals(byId, byCredential);
    credentialForm(Published.credential(certId))
        .body("verified", equalTo(true))
        .body("display_name", equalTo("J*** D**"));
  }

  @Test
  void expiredCredentialIsReportedButNotVerified() {
    Instant expiresAt = Instant.now().plusSeconds(3600).truncatedTo(ChronoUnit.MILLIS);
    UUID certId = CertRows.issued().expiresAt(expiresAt).insert();
    String credential = Published.credential(certId);
    clock.pin(expiresAt);
    credentialForm(credential)
        .statusCode(200)
        .body("cert_status", equalTo("EXPIRED"))
        .body("verified", equalTo(false));
  }

  @Test
  void revokedCredentialIs410LikeItsCertId() {
    UUID duckling = UUID.randomUUID();
    UUID certId = CertRows.issued().owner(duckling).insert();
    String credential = Published.credential(certId);
    Revocations.revoke(duckling, certId);
    assertProblem(credentialForm(credential), 410, "cert_revoked")
        .body("cert_id", equalTo(certId.toString()))
        .body("cert_status", equalTo("REVOKED"));
  }

  @Test
  void reissuedCredentialsAnswerWithTheCurrentCertificate() {
    UUID duckling = UUID.randomUUID();
    UUID certId = CertRows.issued().owner(duckling).insert();
    String credential = Published.credential(certId);
    CertRows.setTier(certId, "T3");
    credentialForm(credential).statusCode(200).body("trust_tier", equalTo("T3"));
  }

  @Test
  void algNoneIsRefused() {
    String genuine = Published.credential(CertRows.issued().insert());
    Map<String, Object> header = Published.header(genuine);
    String none =
        TestJwts.base64Url(
                "{\"alg\":\"none\",\"typ\":\"sdcert+jwt\",\"kid\":\"" + header.get("kid") + "\"}")
            + "."
            + genuine.split("\\.")[1]
            + ".";
    assertInvalidCredential(none);
  }

  @Test
  void unknownKeyIsRefused() {
    String genuine = Published.credential(CertRows.issued().insert());
    KeyPair stranger = EcKeys.fresh();
    assertInvalidCredential(
        CredentialSigning.sign(
            Published.payload(genuine),
            CredentialFormat.CREDENTIAL_TYPE,
            stranger.getPrivate(),
            CredentialSigning.keyId(stranger.getPublic())));
  }

  @Test
  void anotherKeyUnderThePublishedKidIsRefused() {
    String genuine = Published.credential(CertRows.issued().insert());
    assertInvalidCredential(
        CredentialSigning.sign(
            Published.payload(genuine),
            CredentialFormat.CREDENTIAL_TYPE,
            EcKeys.fresh().getPrivate(),
            (String) Published.header(genuine).get("kid")));
  }

  @Test
  void credentialSignedWithIdentitysKeyIsRefused() throws Exception {
    String genuine = Published.credential(CertRows.issued().insert());
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(Published.payload(genuine));
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    jws.setHeader("typ", CredentialFormat.CREDENTIAL_TYPE);
    jws.setKeyIdHeaderValue((String) Published.header(genuine).get("kid"));
    jws.setKey(TestJwts.privateKey("test-keys/test-only-private.pem"));
    assertInvalidCredential(jws.getCompactSerialization());
  }

  @Test
  void tamperedPayloadIsRefused() {
    UUID certId = CertRows.issued().insert();
    String[] genuine = Published.credential(certId).split("\\.");
    String raised =
        TestJwts.base64Url(
            Published.payload(String.join(".", genuine)).replace("\"T0\"", "\"T3\""));
    assertInvalidCredential(genuine[0] + "." + raised + "." + genuine[2]);
    UUID other = CertRows.issued().insert();
    String swapped =
        TestJwts.base64Url(
            Published.payload(String.join(".", genuine))
                .replace(certId.toString(), other.toString()));
    assertInvalidCredential(genuine[0] + "." + swapped + "." + genuine[2]);
  }

  @Test
  void garbageIsRefusedNeverAServerError() {
    for (String garbage :
        new String[] {"", " ", "x", "a.b.c", "....", "eyJ.eyJ.x", "x".repeat(100_000)}) {
      assertInvalidCredential(garbage);
    }
    String statusList =
        Published.statusList(
            Published.verifier()
                .read(Published.credential(CertRows.issued().insert()))
                .statusListCredential());
    assertInvalidCredential(statusList);
  }

  @Test
  void certIdAndCredentialTogetherAre400() {
    UUID certId = CertRows.issued().insert();
    assertProblem(
            post(
                "{\"cert_id\":\""
                    + certId
                    + "\",\"credential\":\""
                    + Published.credential(certId)
                    + "\"}"),
            400,
            "invalid_request")
        .body("errors.field", contains("credential"));
  }

  @Test
  void credentialOfTheWrongJsonTypeIs400() {
    assertProblem(post("{\"credential\":{\"a\":1}}"), 400, "invalid_request")
        .body("errors.field", contains("credential"));
    assertProblem(post("{\"credential\":null}"), 400, "missing_cert_id");
  }

  @Test
  void otherActionIs400WithTheCredentialForm() {
    String credential = Published.credential(CertRows.issued().insert());
    assertProblem(
            post("{\"credential\":\"" + credential + "\",\"action\":\"revoke\"}"),
            400,
            "invalid_request")
        .body("errors.field", contains("action"));
  }

  private static void assertInvalidCredential(String credential) {
    assertProblem(credentialForm(credential), 400, "invalid_credential")
        .body("errors.field", contains("credential"))
        .body("cert_id", org.hamcrest.Matchers.nullValue());
  }

  private static ValidatableResponse credentialForm(String credential) {
    return post("{\"credential\":\"" + credential + "\"}");
  }

  private static ValidatableResponse post(String body) {
    return given().contentType(ContentType.JSON).body(body).post(PATH).then();
  }
}
