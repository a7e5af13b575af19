package com.spaceduck.gateway.ratelimit;

import static com.spaceduck.gateway.support.TestClients.fresh;
import static com.spaceduck.gateway.support.TestClients.from;
import static com.spaceduck.platform.testing.ProblemAssertions.assertProblem;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spaceduck.gateway.support.UpstreamStubs;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
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

  @Test
  void failOpenGroupsKeepLimitingLocally() {
    UpstreamStubs.redis().cut();
    String client = fresh();
    from(client).get("/beak/test/open").then().statusCode(200);
    await().atMost(Duration.ofSeconds(10)).until(() -> !limiter.redisAvailable());
    String fresh = fresh();
    from(fresh).get("/beak/test/open").then().statusCode(200);
    from(fresh).get("/beak/test/open").then().statusCode(200);
    assertProblem(from(fresh).get("/beak/test/open").then(), 429, "E4004");
    assertTrue(
        registry.counter("spaceduck.gateway.ratelimit.fallback", "group", "test-open").count()
            >= 3);
  }

  @Test
  void failClosedGroupsRefuseUntilRedisReturns() {
    String client = fresh();
    from(client).get("/beak/test/closed").then().statusCode(200);
    UpstreamStubs.redis().cut();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> from(client).get("/beak/test/closed").statusCode() == 503);
    assertProblem(from(client).get("/beak/test/closed").then(), 503, "E5003")
        .header("Retry-After", "1");
    UpstreamStubs.redis().restore();
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> from(fresh()).get("/beak/test/closed").statusCode() == 200);
  }
}
