package com.spaceduck.gateway.ratelimit;

import static com.spaceduck.gateway.support.TestClients.fresh;
import static com.spaceduck.gateway.support.TestClients.from;
import static com.spaceduck.platform.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spaceduck.gateway.support.FrozenClockTest;
import com.spaceduck.gateway.support.RawHttp;
import com.spaceduck.gateway.support.TestClients;
import com.spaceduck.gateway.support.Tokens;
import com.spaceduck.gateway.support.UpstreamStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The attacks of issue 10 against the gateway's limits, each refused: invented credentials, other
 * spellings of a limited path, password guessing, a client-written {@code X-Forwarded-For} line,
 * IPv6 address hopping and tokens meant for someone else. The clock is frozen, so no token refills.
 */
@QuarkusTest
@WithTestResource(UpstreamStubs.class)
class AbuseResistanceTest extends FrozenClockTest {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern STATUS = Pattern.compile("^HTTP/1\\.1 (\\d{3})");

  private static String inventedKey(String prefix) {
    byte[] secret = new byte[24];
    RANDOM.nextBytes(secret);
    return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  @Test
  void inventedBearersShareTheirSendersAddressBudget() {
    String client = fresh();
    for (int i = 1; i <= 300; i++) {
      String invented = i % 2 == 0 ? "made-up-" + UUID.randomUUID() : "eyJ" + UUID.randomUUID();
      from(client)
          .header("Authorization", "Bearer " + invented)
          .get("/beak/keys")
          .then()
          .statusCode(200)
          .header("RateLimit-Remaining", String.valueOf(300 - i));
    }
    assertProblem(
        from(client)
            .header("Authorization", "Bearer made-up-" + UUID.randomUUID())
            .get("/beak/keys")
            .then(),
        429,
        "E4004");
    // The same budget as asking with no credential at all.
    from(client).get("/beak/keys").then().statusCode(429);
  }

  @Test
  void inventedKeysShareTheirSendersKeysPerIpBudget() {
    String client = fresh();
    // test-keys: 10 per key, 4 per address across keys.
    for (int i = 1; i <= 4; i++) {
      from(client)
          .auth()
          .oauth2(inventedKey("bk_live_"))
          .get("/beak/test/keys/x")
          .then()
          .statusCode(200)
          .header("RateLimit-Remaining", String.valueOf(4 - i))
          .header("RateLimit-Policy", "4;w=60;burst=4");
    }
    assertProblem(
            from(client)
                .queryParam("beak_key", inventedKey("bk_live_"))
                .get("/beak/test/keys/x")
                .then(),
            429,
            "E4004")
        .header("RateLimit-Policy", "4;w=60;burst=4");
    // Requests without a key from that address have their own bucket, and so do other addresses.
    from(client).get("/beak/test/keys/x").then().statusCode(200).header("RateLimit-Remaining", "9");
    from(fresh())
        .auth()
        .oauth2(inventedKey("bk_live_"))
        .get("/beak/test/keys/x")
        .then()
        .statusCode(200);
  }

  @Test
  void aKeyedRequestReportsTheTighterOfItsTwoBuckets() {
    String client = fresh();
    String key = inventedKey("dk_live_");
    from(client)
        .auth()
        .oauth2(key)
        .get("/v1/catalog")
        .then()
        .statusCode(200)
        .header("RateLimit-Policy", "600;w=60;burst=600")
        .header("RateLimit-Remaining", "599");
    from(client)
        .auth()
        .oauth2(inventedKey("dk_test_"))
        .get("/v1/catalog")
        .then()
        .header("RateLimit-Remaining", "599");
    from(client).auth().oauth2(key).get("/v1/catalog").then().header("RateLimit-Remaining", "598");
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "signup | /beak/signup/ /beak/signup;x /beak/%73ignup /beak//signup /beak/signup%2F;x"
            + " | 5 | E4004",
        "signin | /beak/signin/ /beak/signin;x /beak/signin;a/ | 10 | E4004",
        "cert-verify | /beak/cert/verify/ /beak/cert/verify;a /beak/cert;a/verify | 60"
            + " | rate_limited",
        "cert-view | /beak/cert/view/ /beak/cert/view;x | 30 | rate_limited",
        "newsletter | /beak/newsletter;x/subscribe /beak/newsletter/subscribe/ | 2 | E4004",
        "support | /beak/support;x/contact /beak/support//contact | 2 | E4004",
      })
  void everySpellingOfAPathDrawsFromItsGroupsBucket(
      String group, String variants, int burst, String code) throws Exception {
    String client = fresh();
    String[] spellings = variants.split(" ");
    for (int i = 1; i <= burst; i++) {
      String path = spellings[i % spellings.length];
      String response =
          RawHttp.get("127.0.0.1", RestAssured.port, path, "X-Forwarded-For: " + client);
      assertEquals(200, status(response), path + ": " + response);
      assertEquals(String.valueOf(burst - i), header(response, "RateLimit-Remaining"), path);
    }
    for (String path : spellings) {
      String response =
          RawHttp.get("127.0.0.1", RestAssured.port, path, "X-Forwarded-For: " + client);
      assertEquals(429, status(response), group + " via " + path + ": " + response);
      assertTrue(response.contains("\"code\":\"" + code + "\""), response);
    }
  }

  @Test
  void malformedPercentEncodingNeverReachesAService() throws Exception {
    // Vert.x refuses such a target before routing, as the services' own HTTP server does.
    String path = "/beak/signup%zz;x";
    String response =
        RawHttp.get("127.0.0.1", RestAssured.port, path, "X-Forwarded-For: " + fresh());
    assertEquals(400, status(response), response);
    assertFalse(UpstreamStubs.seen(path), "the request must not reach the service");
  }

  @ParameterizedTest
  @CsvSource({"/beak;x/signup", "/beak%2Fsignup;x", "/v1;x/sync"})
  void spellingsThatBreakARoutePrefixReachNoService(String path) throws Exception {
    String response =
        RawHttp.get("127.0.0.1", RestAssured.port, path, "X-Forwarded-For: " + fresh());
    assertEquals(404, status(response), response);
    assertFalse(UpstreamStubs.seen(path), "the request must not reach the service");
  }

  @Test
  void signInIsLimitedPerAddress() {
    String client = fresh();
    for (int i = 1; i <= 10; i++) {
      from(client)
          .post("/beak/signin")
          .then()
          .statusCode(200)
          .header("RateLimit-Policy", "20;w=60;burst=10")
          .header("RateLimit-Remaining", String.valueOf(10 - i));
    }
    // One token every 3 s.
    assertProblem(from(client).post("/beak/signin").then(), 429, "E4004")
        .header("Retry-After", "3");
    from(fresh()).post("/beak/signin").then().statusCode(200);
  }

  @Test
  void aClientWrittenForwardedForLineCannotChooseTheBucket() throws Exception {
    String client = fresh();
    String path = "/beak/newsletter/subscribe";
    // The client sends its own line with a new address each time; the trusted proxy adds a line.
    for (int i = 0; i < 3; i++) {
      String response =
          RawHttp.get(
              "127.0.0.1",
              RestAssured.port,
              path,
              "X-Forwarded-For: " + fresh(),
              "X-Forwarded-For: " + client);
      assertEquals(i < 2 ? 200 : 429, status(response), "request " + (i + 1) + ": " + response);
    }
  }

  @Test
  void ipv6ClientsShareABucketPerSlash64() {
    String site = TestClients.freshV6Site();
    String path = "/beak/support/contact";
    String network = site + ":1:";
    from(network + ":1").get(path).then().statusCode(200).header("RateLimit-Remaining", "1");
    from(network + "ffff:ffff:ffff:fffe")
        .get(path)
        .then()
        .statusCode(200)
        .header("RateLimit-Remaining", "0");
    from(network + "abcd::42").get(path).then().statusCode(429);
    from(site + ":2::1").get(path).then().statusCode(200).header("RateLimit-Remaining", "1");
  }

  @Test
  void tokensWithoutOrForAnotherAudienceNameNoUser() {
    String client = fresh();
    String noAudience = Tokens.sdToken(UUID.randomUUID().toString(), Tokens.ISSUER, null);
    String otherAudience =
        Tokens.sdToken(UUID.randomUUID().toString(), Tokens.ISSUER, "https://other.example/api");
    String[] notUsers = {noAudience, otherAudience};
    for (int i = 0; i < notUsers.length; i++) {
      from(client)
          .auth()
          .oauth2(notUsers[i])
          .get("/beak/cert/view")
          .then()
          .statusCode(200)
          .header("RateLimit-Remaining", String.valueOf(29 - i));
    }
    // The address's bucket, not a user's: a request without any token continues it.
    from(client).get("/beak/cert/view").then().header("RateLimit-Remaining", "27");
    // A token for the API names its user, who has a bucket of their own.
    from(client)
        .auth()
        .oauth2(Tokens.sdToken(UUID.randomUUID().toString()))
        .get("/beak/cert/view")
        .then()
        .header("RateLimit-Remaining", "29");
  }

  private static int status(String response) {
    Matcher matcher = STATUS.matcher(response);
    return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
  }

  private static String header(String response, String name) {
    Matcher matcher =
        Pattern.compile("(?im)^" + Pattern.quote(name) + ":\\s*(.*?)\\r?$").matcher(response);
    return matcher.find() ? matcher.group(1) : null;
  }
}
