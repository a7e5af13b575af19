package com.spaceduck.platform.testing;

import static com.spaceduck.platform.testing.ManagementInterface.management;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.restassured.response.Response;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Readiness follows what the service cannot serve without: DOWN (503) while PostgreSQL is
 * unreachable, UP again by itself when it returns; meanwhile a request that needs the database is a
 * 503 problem with {@code Retry-After}, never a 500. Without Redis the service stays ready (events
 * wait in the outbox) and reports itself degraded at {@code /q/health/well}. Health is read from
 * the management interface. Run it under {@link ProxiedDependencies}.
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
    management().get("/q/health/live").then().statusCode(200);
    ProxiedTestDatabase.postgres().restore();
    awaitReadiness(200);
  }

  /**
   * PostgreSQL is checked through the reactive pool, which serves every request, and only through
   * it: the service has no JDBC datasource (its migrations run before it starts, from the migrator
   * of platform-migrations), so no Agroal check may appear.
   */
  @Test
  void readinessChecksPostgresThroughTheReactivePoolOnly() {
    awaitReadiness(200);
    management()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("checks.name", hasItem("Reactive PostgreSQL connections health check"))
        .body("checks.name", not(hasItem("Database connections health check")));
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
  void staysReadyWithoutRedisAndReportsItDegraded() {
    awaitReadiness(200);
    awaitWellness(200);
    ProxiedTestDatabase.redis().cut();
    awaitWellness(503);
    management()
        .get("/q/health/well")
        .then()
        .body("checks.find { it.name == 'redis' }.status", equalTo("DOWN"));
    management().get("/q/health/ready").then().statusCode(200);
    ProxiedTestDatabase.redis().restore();
    awaitWellness(200);
    management().get("/q/health/ready").then().statusCode(200);
  }

  private static void awaitReadiness(int status) {
    awaitStatus("/q/health/ready", status);
  }

  private static void awaitWellness(int status) {
    awaitStatus("/q/health/well", status);
  }

  private static void awaitStatus(String path, int status) {
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> management().get(path).statusCode() == status);
  }
}
