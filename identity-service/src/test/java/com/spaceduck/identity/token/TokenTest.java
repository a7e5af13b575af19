package com.spaceduck.identity.token;

import static com.spaceduck.platform.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.spaceduck.identity.TestDucklings;
import com.spaceduck.identity.TestDucklings.TestDuckling;
import com.spaceduck.platform.testing.PostgresTestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
class TokenTest {

  private static final String ISSUER = "https://spaceduck.example/identity";
  private static final String AUDIENCE = "https://spaceduck.example/api";
  private static final Base64.Decoder URL = Base64.getUrlDecoder();
  private static final Base64.Encoder URL_OUT = Base64.getUrlEncoder().withoutPadding();

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void issuedTokenCarriesTheDocumentedClaims() throws Exception {
    TestDuckling duckling = TestDucklings.create();
    String[] parts = duckling.token().split("\\.");
    JsonNode header = json.readTree(URL.decode(parts[0]));
    JsonNode claims = json.readTree(URL.decode(parts[1]));
    assertEquals("RS256", header.path("alg").asText());
    assertEquals(ISSUER, claims.path("iss").asText());
    assertEquals(AUDIENCE, claims.path("aud").asText());
    assertEquals(duckling.id(), claims.path("sub").asText());
    assertEquals("T0", claims.path("tier").asText());
    assertEquals("duckling", claims.path("groups").get(0).asText());
    assertEquals(1, claims.path("groups").size());
    assertEquals(3600, claims.path("exp").asLong() - claims.path("iat").asLong());
    assertTrue(!claims.path("jti").asText().isEmpty());
    String kid = header.path("kid").asText();
    given()
        .get("/beak/.well-known/jwks.json")
        .then()
        .statusCode(200)
        .body("keys", hasSize(1))
        .body("keys[0].kid", equalTo(kid));
  }

  @Test
  void jwksPublishesTheKeyThatVerifiesTokens() throws Exception {
    TestDuckling duckling = TestDucklings.create();
    JsonPath jwks =
        given()
            .get("/beak/.well-known/jwks.json")
            .then()
            .statusCode(200)
            .contentType("application/json")
            .header("Cache-Control", containsString("max-age=300"))
            .extract()
            .jsonPath();
    assertEquals("RSA", jwks.getString("keys[0].kty"));
    assertEquals("RS256", jwks.getString("keys[0].alg"));
    assertEquals("sig", jwks.getString("keys[0].use"));
    PublicKey key =
        KeyFactory.getInstance("RSA")
            .generatePublic(
                new RSAPublicKeySpec(
                    new BigInteger(1, URL.decode(jwks.getString("keys[0].n"))),
                    new BigInteger(1, URL.decode(jwks.getString("keys[0].e")))));
    String[] parts = duckling.token().split("\\.");
    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(key);
    verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertTrue(verifier.verify(URL.decode(parts[2])), "the published key verifies the token");
  }

  @Test
  void meAnswersForAValidToken() {
    TestDuckling duckling = TestDucklings.create();
    duckling
        .as()
        .get("/beak/me")
        .then()
        .statusCode(200)
        .body("duckling_id", equalTo(duckling.id()))
        .body("email", equalTo(duckling.email()))
        .body("trust_tier", equalTo("T0"))
        .body("email_verified", equalTo(false))
        .body("phone_verified", equalTo(false))
        .body(
            "display_name", equalTo(duckling.email().substring(0, duckling.email().indexOf('@'))));
  }

  @Test
  void missingCredentialsIsProblem401() {
    assertProblem(given().get("/beak/me").then(), 401, "E4001")
        .header("WWW-Authenticate", "Bearer");
    assertProblem(
        given().header("Authorization", "Basic Zm9vOmJhcg==").get("/beak/me").then(), 401, "E4001");
  }

  @Test
  void rejectsTamperedToken() throws Exception {
    TestDuckling duckling = TestDucklings.create();
    String[] parts = duckling.token().split("\\.");
    String claims =
        new String(URL.decode(parts[1]), StandardCharsets.UTF_8).replace("\"T0\"", "\"T3\"");
    String tampered =
        parts[0]
            + "."
            + URL_OUT.encodeToString(claims.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];
    assertRejected(tampered);
    // A flipped signature byte as well.
    byte[] signature = URL.decode(parts[2]);
    signature[10] ^= 1;
    assertRejected(parts[0] + "." + parts[1] + "." + URL_OUT.encodeToString(signature));
  }

  @Test
  void rejectsExpiredToken() throws Exception {
    Instant past = Instant.now().minusSeconds(3 * 3600);
    String token =
        Jwt.issuer(ISSUER)
            .audience(AUDIENCE)
            .subject(TestDucklings.create().id())
            .groups(Set.of("duckling"))
            .claim("tier", "T0")
            .issuedAt(past)
            .expiresAt(past.plusSeconds(3600))
            .jws()
            .sign(testKey());
    assertRejected(token);
  }

  @Test
  void rejectsWrongIssuer() throws Exception {
    String token =
        Jwt.issuer("https://evil.example/identity")
            .audience(AUDIENCE)
            .subject(TestDucklings.create().id())
            .groups(Set.of("duckling"))
            .claim("tier", "T0")
            .expiresIn(3600)
            .jws()
            .sign(testKey());
    assertRejected(token);
  }

  @Test
  void rejectsAlgNone() {
    String id = TestDucklings.create().id();
    long now = Instant.now().getEpochSecond();
    String header =
        URL_OUT.encodeToString(
            "{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String claims =
        URL_OUT.encodeToString(
            ("{\"iss\":\""
                    + ISSUER
                    + "\",\"aud\":\""
                    + AUDIENCE
                    + "\",\"sub\":\""
                    + id
                    + "\",\"groups\":[\"duckling\",\"operator\"],"
                    + "\"tier\":\"T3\",\"iat\":"
                    + now
                    + ",\"exp\":"
                    + (now + 3600)
                    + "}")
                .getBytes(StandardCharsets.UTF_8));
    assertRejected(header + "." + claims + ".");
  }

  @Test
  void rejectsTokenSignedWithAnotherKey() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    String token =
        Jwt.issuer(ISSUER)
            .audience(AUDIENCE)
            .subject(TestDucklings.create().id())
            .groups(Set.of("duckling"))
            .claim("tier", "T0")
            .expiresIn(3600)
            .jws()
            .sign(generator.generateKeyPair().getPrivate());
    assertRejected(token);
  }

  @Test
  void acceptsATokenSignedByTheTestKeyWithTheRightClaims() throws Exception {
    given().auth().oauth2(signed(AUDIENCE)).get("/beak/me").then().statusCode(200);
  }

  @Test
  void rejectsTokenWithoutAudience() throws Exception {
    assertRejected(signed(null));
  }

  @Test
  void rejectsTokenForAnotherAudience() throws Exception {
    assertRejected(signed("https://spaceduck.example/other"));
    assertRejected(signed("https://evil.example/api"));
  }

  @Test
  void rejectsGarbageBearer() {
    assertRejected("not.a.jwt");
    assertRejected("bk_live_short");
    assertRejected(UUID.randomUUID().toString());
  }

  private static void assertRejected(String token) {
    assertProblem(given().auth().oauth2(token).get("/beak/me").then(), 401, "E4001")
        .header("WWW-Authenticate", "Bearer");
  }

  /** A valid token for a fresh duckling with this {@code aud} ({@code null}: none). */
  private static String signed(String audience) throws Exception {
    var claims =
        Jwt.issuer(ISSUER)
            .subject(TestDucklings.create().id())
            .groups(Set.of("duckling"))
            .claim("tier", "T0")
            .expiresIn(3600);
    if (audience != null) {
      claims = claims.audience(audience);
    }
    return claims.jws().sign(testKey());
  }

  private static PrivateKey testKey() throws Exception {
    return KeyUtils.readPrivateKey("test-keys/test-only-private.pem");
  }
}
