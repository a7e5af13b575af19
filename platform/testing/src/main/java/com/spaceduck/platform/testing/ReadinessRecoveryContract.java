package com.spaceduck.platform.testing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Readiness follows the service's dependencies: DOWN (503) while PostgreSQL or Redis is
 * unreachable, UP again by itself when it returns. Run it under {@link ProxiedDependencies}.
 */
public abstract class ReadinessRecoveryContract {

  private static final Duration PATIENCE = Duration.ofSeconds(20);

  @AfterEach
  void restoreAll() {
    ProxiedTestDatabase.postgres().restore();
    ProxiedTestDatabase.redis().restore();
  }

  @Test
  void readinessFollowsPostgres() {
    awaitReadiness(200);
    ProxiedTestDatabase.postgres().cut();
    awaitReadiness(503);
    given().get("/q/health/live").then().statusCode(200);
    ProxiedTestDatabase.postgres().restore();
    awaitReadiness(200);
  }

  @Test
  void readinessFollowsRedis() {
    awaitReadiness(200);
    ProxiedTestDatabase.redis().cut();
    awaitReadiness(503);
    ProxiedTestDatabase.redis().restore();
    awaitReadiness(200);
  }

  private static void awaitReadiness(int status) {
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> given().get("/q/health/ready").statusCode() == status);
  }
}
