package com.spaceduck.gateway.ratelimit;

import static com.spaceduck.platform.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spaceduck.gateway.support.UpstreamStubs;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Redis cut off mid-run: fail-open groups limit locally, fail-closed ones refuse, both recover. */
@QuarkusTest
@WithTestResource(UpstreamStubs.class)
class RedisOutageTest {

  @Inject RateLimiter limiter;
  @Inject MeterRegistry registry;

  @AfterEach
  void restore() {
    UpstreamStubs.redis().restore();
    await().atMost(Duration.ofSeconds(15)).until(limiter::redisAvailable);
  }

  private static String client() {
    return "172.16." + (int) (Math.random() * 250) + "." + (1 + (int) (Math.random() * 250));
  }

  @Test
  void failOpenGroupsKeepLimitingLocally() {
    UpstreamStubs.redis().cut();
    String client = client();
    given().header("X-Forwarded-For", client).get("/beak/test/open").then().statusCode(200);
    await().atMost(Duration.ofSeconds(10)).until(() -> !limiter.redisAvailable());
    String fresh = client();
    given().header("X-Forwarded-For", fresh).get("/beak/test/open").then().statusCode(200);
    given().header("X-Forwarded-For", fresh).get("/beak/test/open").then().statusCode(200);
    assertProblem(
        given().header("X-Forwarded-For", fresh).get("/beak/test/open").then(), 429, "E4004");
    assertTrue(
        registry.counter("spaceduck.gateway.ratelimit.fallback", "group", "test-open").count()
            >= 3);
  }

  @Test
  void failClosedGroupsRefuseUntilRedisReturns() {
    String client = client();
    given().header("X-Forwarded-For", client).get("/beak/test/closed").then().statusCode(200);
    UpstreamStubs.redis().cut();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                given().header("X-Forwarded-For", client).get("/beak/test/closed").statusCode()
                    == 503);
    assertProblem(
            given().header("X-Forwarded-For", client).get("/beak/test/closed").then(), 503, "E5003")
        .header("Retry-After", "1");
    UpstreamStubs.redis().restore();
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                given()
                        .header(
                            "X-Forwarded-For",
                            "172.31.0." + (1 + UUID.randomUUID().hashCode() % 100 + 100))
                        .get("/beak/test/closed")
                        .statusCode()
                    == 200);
  }
}
