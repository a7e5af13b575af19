package com.spaceduck.gateway.status;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.spaceduck.gateway.support.UpstreamStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(UpstreamStubs.class)
class SystemStatusTest {

  @Inject StatusMonitor monitor;

  @AfterEach
  void allReady() {
    UpstreamStubs.NAMES.forEach(name -> UpstreamStubs.ready(name, true));
    UpstreamStubs.redis().restore();
  }

  private String checkNowStatus() throws Exception {
    return monitor
        .check()
        .toCompletionStage()
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS)
        .status();
  }

  private void checkNow() throws Exception {
    monitor.check().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static io.restassured.response.ValidatableResponse status() {
    return given()
        .header("X-Forwarded-For", "192.0.2." + (1 + (int) (Math.random() * 250)))
        .get("/beak/system/status")
        .then()
        .statusCode(200)
        .contentType("application/json")
        .body("checked_at", notNullValue());
  }

  @Test
  void operationalWhenEverythingAnswers() throws Exception {
    // After a test that cut Redis, the client may need a moment to reconnect.
    await().atMost(Duration.ofSeconds(10)).until(() -> "operational".equals(checkNowStatus()));
    status()
        .body("status", equalTo("operational"))
        .body("components.identity", equalTo("up"))
        .body("components.cert", equalTo("up"))
        .body("components.sync", equalTo("up"))
        .body("components.redis", equalTo("up"));
  }

  @Test
  void degradedWhenOneUpstreamIsNotReady() throws Exception {
    UpstreamStubs.ready("sync", false);
    checkNow();
    status().body("status", equalTo("degraded")).body("components.sync", equalTo("down"));
  }

  @Test
  void degradedWhenRedisIsAway() throws Exception {
    UpstreamStubs.redis().cut();
    checkNow();
    status().body("status", equalTo("degraded")).body("components.redis", equalTo("down"));
  }

  @Test
  void outageWhenNoUpstreamIsReady() throws Exception {
    UpstreamStubs.NAMES.forEach(name -> UpstreamStubs.ready(name, false));
    checkNow();
    status().body("status", equalTo("outage"));
  }

  @Test
  void onlyReadsAreAllowed() {
    given().post("/beak/system/status").then().statusCode(405).body("code", equalTo("E4050"));
  }
}
