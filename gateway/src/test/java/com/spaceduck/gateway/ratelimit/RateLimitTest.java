package com.spaceduck.gateway.ratelimit;

import static com.spaceduck.gateway.support.TestClients.fresh;
import static com.spaceduck.gateway.support.TestClients.from;
import static com.spaceduck.platform.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spaceduck.gateway.GatewayConfig;
import com.spaceduck.gateway.support.FrozenClockTest;
import com.spaceduck.gateway.support.RawHttp;
import com.spaceduck.gateway.support.Tokens;
import com.spaceduck.gateway.support.UpstreamStubs;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Limits against the real Redis, with the clock frozen so no token refills unless told to. */
@QuarkusTest
@WithTestResource(UpstreamStubs.class)
class RateLimitTest extends FrozenClockTest {

  @Inject RedisDataSource redis;
  @Inject GatewayConfig config;

  @ParameterizedTest(name = "{0}: burst {2}, then 429 {3} with Retry-After {4}")
  @CsvSource({
    "metrics, /beak/metrics, 200, E4004, 1",
    "signup, /beak/signup, 5, E4004, 6",
    "status, /beak/system/status, 120, E4004, 1",
    "newsletter, /beak/newsletter/subscribe, 2, E4004, 12",
    "support, /beak/support/contact, 2, E4004, 12",
    "pageview, /beak/pageview, 1000, E4004, 1",
    "cert-verify, /beak/cert/verify, 60, rate_limited, 1",
    "cert-view, /beak/cert/view, 30, rate_limited, 2",
    "beak, /beak/keys, 300, E4004, 1",
    "duckhub, /v1/catalog, 600, rate_limited, 1"
  })
  void eachGroupAdmitsItsBurstThenLimits(
      String group, String path, int burst, String code, int retryAfter) {
    String client = fresh();
    for (int i = 1; i <= burst; i++) {
      Response response = from(client).get(path);
      assertTrue(
          response.statusCode() != 429,
          group + ": request " + i + " of a burst of " + burst + " was limited");
      assertEquals(String.valueOf(burst), response.header("RateLimit-Limit"), group);
      assertEquals(String.valueOf(burst - i), response.header("RateLimit-Remaining"), group);
    }
    assertProblem(from(client).get(path).then(), 429, code)
        .header("Retry-After", String.valueOf(retryAfter))
        .header("RateLimit-Remaining", "0")
        .header("RateLimit-Limit", String.valueOf(burst));
  }

  @Test
  void limitedResponsesCarryPolicyAndReset() {
    String client = fresh();
    from(client)
        .get("/beak/signup")
        .then()
        .header("RateLimit-Policy", "10;w=60;burst=5")
        .header("RateLimit-Remaining", "4")
        // One token used: it is back after 6 s.
        .header("RateLimit-Reset", "6");
  }

  @Test
  void retryAfterIsExactToTheRefill() {
    String client = fresh();
    for (int i = 0; i < 5; i++) {
      from(client).get("/beak/signup").then().statusCode(200);
    }
    from(client).get("/beak/signup").then().statusCode(429).header("Retry-After", "6");
    clock.advance(Duration.ofMillis(5_900));
    from(client).get("/beak/signup").then().statusCode(429).header("Retry-After", "1");
    clock.advance(Duration.ofMillis(100));
    from(client).get("/beak/signup").then().statusCode(200).header("RateLimit-Remaining", "0");
    from(client).get("/beak/signup").then().statusCode(429).header("Retry-After", "6");
  }

  @Test
  void concurrentClientsNeverExceedTheCapacity() throws Exception {
    String client = fresh();
    HttpClient http = HttpClient.newBuilder().build();
    URI uri = URI.create("http://127.0.0.1:" + RestAssured.port + "/beak/test/concurrent");
    List<CompletableFuture<HttpResponse<Void>>> calls = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      calls.add(
          http.sendAsync(
              HttpRequest.newBuilder(uri).header("X-Forwarded-For", client).build(),
              HttpResponse.BodyHandlers.discarding()));
    }
    int admitted = 0;
    int limited = 0;
    for (CompletableFuture<HttpResponse<Void>> call : calls) {
      int status = call.get().statusCode();
      if (status == 200) {
        admitted++;
      } else if (status == 429) {
        limited++;
      }
    }
    assertEquals(50, admitted, "exactly the capacity is admitted");
    assertEquals(150, limited);
  }

  @Test
  void leasedTokensSpareRoundTripsButNeverExceedTheCapacity() {
    String client = fresh();
    String path = "/beak/test/leased";
    // Capacity 1000: one round trip takes a lease of 20 tokens (2%).
    for (int i = 1; i <= 21; i++) {
      from(client)
          .get(path)
          .then()
          .statusCode(200)
          .header("RateLimit-Remaining", String.valueOf(1000 - i));
    }
    String tat =
        redis.value(String.class).get(config.rateLimits().keyPrefix() + "test-leased:ip:" + client);
    long nowMicros = clock.instant().toEpochMilli() * 1000;
    long intervalMicros = 60_000_000 / 1000;
    assertEquals(40, (Long.parseLong(tat) - nowMicros) / intervalMicros, "two leases of 20 taken");
    int admitted = 21;
    while (from(client).get(path).statusCode() == 200) {
      admitted++;
      assertTrue(admitted <= 1000, "more admitted than the capacity");
    }
    assertEquals(1000, admitted);
  }

  @Test
  void clientsBehindATrustedProxyHaveTheirOwnBuckets() {
    String first = fresh();
    String second = fresh();
    for (int i = 0; i < 2; i++) {
      from(first).get("/beak/newsletter/subscribe").then().statusCode(200);
    }
    from(first).get("/beak/newsletter/subscribe").then().statusCode(429);
    // A spoofed left-most entry changes nothing: the right-most untrusted address counts.
    given()
        .header("X-Forwarded-For", "192.0.2.1, " + first)
        .get("/beak/newsletter/subscribe")
        .then()
        .statusCode(429);
    from(second).get("/beak/newsletter/subscribe").then().statusCode(200);
  }

  @Test
  void anUntrustedPeerCannotChooseItsBucket() throws Exception {
    String path = "/beak/support/contact";
    int admitted = 0;
    for (int i = 0; i < 4; i++) {
      String response =
          RawHttp.get("127.0.0.2", RestAssured.port, path, "X-Forwarded-For: 192.0.2." + (i + 10));
      if (response.startsWith("HTTP/1.1 200")) {
        admitted++;
      } else {
        assertTrue(response.startsWith("HTTP/1.1 429"), response);
      }
    }
    assertEquals(2, admitted, "the peer's own bucket (burst 2) decides, whatever it claims");
  }

  @Test
  void userGroupsAreKeyedByTheVerifiedUser() {
    String client = fresh();
    String alice = Tokens.sdToken(UUID.randomUUID().toString());
    String bob = Tokens.sdToken(UUID.randomUUID().toString());
    for (int i = 0; i < 30; i++) {
      from(client).auth().oauth2(alice).get("/beak/cert/view").then().statusCode(200);
    }
    from(client).auth().oauth2(alice).get("/beak/cert/view").then().statusCode(429);
    from(client)
        .auth()
        .oauth2(bob)
        .get("/beak/cert/view")
        .then()
        .statusCode(200)
        .header("RateLimit-Remaining", "29");
  }

  @Test
  void unverifiableTokensAreKeyedByClientAddress() {
    String client = fresh();
    String wrongIssuer = Tokens.sdToken(UUID.randomUUID().toString(), "https://evil.example");
    String tampered = Tokens.sdToken(UUID.randomUUID().toString()) + "x";
    from(client)
        .auth()
        .oauth2(wrongIssuer)
        .get("/beak/cert/view")
        .then()
        .header("RateLimit-Remaining", "29");
    // A different invented token still lands in the same (address) bucket.
    from(client)
        .auth()
        .oauth2(tampered)
        .get("/beak/cert/view")
        .then()
        .header("RateLimit-Remaining", "28");
  }

  @Test
  void beakKeysInTheQueryCountLikeBearerKeys() {
    String client = fresh();
    String key = "bk_live_" + UUID.randomUUID().toString().replace("-", "");
    from(client)
        .queryParam("beak_key", key)
        .get("/beak/webhooks/in")
        .then()
        .header("RateLimit-Remaining", "299");
    from(client)
        .auth()
        .oauth2(key)
        .get("/beak/webhooks/in")
        .then()
        .header("RateLimit-Remaining", "298");
    from(client).get("/beak/webhooks/in").then().header("RateLimit-Remaining", "299");
  }

  @Test
  void apiKeyGroupsAreKeyedByTheKey() {
    String client = fresh();
    String key = "dk_live_" + UUID.randomUUID().toString().replace("-", "");
    from(client).auth().oauth2(key).get("/v1/catalog").then().header("RateLimit-Remaining", "599");
    from(client).auth().oauth2(key).get("/v1/catalog").then().header("RateLimit-Remaining", "598");
    from(client)
        .auth()
        .oauth2("dk_live_" + UUID.randomUUID().toString().replace("-", ""))
        .get("/v1/catalog")
        .then()
        .body("upstream", equalTo("sync"))
        .header("RateLimit-Remaining", "599");
  }
}
