package com.spaceduck.platform.testing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.restassured.response.Response;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Readiness follows the service's dependencies: DOWN (503) while PostgreSQL or Redis is
 * unreachable, UP again by itself when it returns; meanwhile a request that needs the database is a
 * 503 problem with {@code Retry-After}, never a 500. Run it under {@link ProxiedDependencies}.
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

  /**
   * A request the service can only answer by reading its database, or {@code null} for a service
   * that has no such endpoint.
   */
  protected Response requestNeedingTheDatabase() {
    return null;
  }

  @Test
  void requestsNeedingTheDatabaseAre503WhileItIsAway() {
    Response before = requestNeedingTheDatabase();
    assumeTrue(before != null, "this service has no endpoint that reads its database");
    before.then().statusCode(lessThan(500));

    ProxiedTestDatabase.postgres().cut();
    for (int attempt = 0; attempt < 3; attempt++) {
      requestNeedingTheDatabase()
          .then()
          .statusCode(503)
          .contentType(startsWith("application/problem+json"))
          .header("Retry-After", Integer::parseInt, greaterThanOrEqualTo(1))
          .body("code", anyOf(equalTo("E5003"), equalTo("service_unavailable")));
    }

    ProxiedTestDatabase.postgres().restore();
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> requestNeedingTheDatabase().statusCode() == before.statusCode());
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
