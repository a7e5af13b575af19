package com.spaceduck.sync.keys;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.spaceduck.platform.testing.PostgresTestDatabase;
import com.spaceduck.sync.support.Tokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two packaged sync-service instances on one database and one Redis, as a Deployment with two
 * replicas runs them: a key regenerated or revoked through one instance stops working on the other
 * at once, although both hold it in their cache. The cache TTL is an hour here, so only the
 * eviction message can explain it.
 */
class TwoInstancesIT {

  private static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();
  private static final List<Process> INSTANCES = new ArrayList<>();
  private static int portA;
  private static int portB;
  private static final Map<Integer, Integer> MANAGEMENT_PORTS = new HashMap<>();

  @BeforeAll
  static void start() throws IOException {
    Map<String, String> config = DATABASE.start();
    portA = freePort();
    portB = freePort();
    INSTANCES.add(launch("a", portA, config));
    INSTANCES.add(launch("b", portB, config));
    for (int port : new int[] {portA, portB}) {
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(250))
          .ignoreExceptions()
          .until(
              () ->
                  given()
                          .port(MANAGEMENT_PORTS.get(port))
                          .get("/q/health/ready")
                          .then()
                          .extract()
                          .statusCode()
                      == 200);
    }
  }

  @AfterAll
  static void stop() throws InterruptedException {
    for (Process instance : INSTANCES) {
      instance.destroy();
    }
    for (Process instance : INSTANCES) {
      instance.waitFor();
    }
    DATABASE.stop();
  }

  @Test
  void regeneratingOrRevokingOnOneInstanceEndsTheKeyOnTheOther() {
    String owner = Tokens.owner();
    String venue =
        on(portA)
            .auth()
            .oauth2(owner)
            .contentType(ContentType.JSON)
            .body(Map.of("name", "Two Ponds"))
            .post("/v1/venues")
            .then()
            .statusCode(201)
            .extract()
            .path("venueId");
    String first = generate(portA, owner, venue);
    // Both instances now hold the key in their cache.
    catalog(portA, first).statusCode(200);
    catalog(portB, first).statusCode(200);
    catalog(portB, first).statusCode(200);

    String second = generate(portA, owner, venue);
    catalog(portA, first).statusCode(401).body("detail", equalTo("Invalid API key"));
    await()
        .atMost(Duration.ofSeconds(2))
        .untilAsserted(
            () -> catalog(portB, first).statusCode(401).body("detail", equalTo("Invalid API key")));
    catalog(portB, second).statusCode(200);
    catalog(portA, second).statusCode(200);

    on(portB)
        .auth()
        .oauth2(owner)
        .delete("/v1/venues/" + venue + "/api-key")
        .then()
        .statusCode(204);
    catalog(portB, second).statusCode(401).body("detail", equalTo("Invalid API key"));
    await()
        .atMost(Duration.ofSeconds(2))
        .untilAsserted(
            () ->
                catalog(portA, second).statusCode(401).body("detail", equalTo("Invalid API key")));
  }

  private static String generate(int port, String owner, String venue) {
    return on(port)
        .auth()
        .oauth2(owner)
        .post("/v1/venues/" + venue + "/api-key")
        .then()
        .statusCode(201)
        .extract()
        .path("apiKey");
  }

  private static io.restassured.response.ValidatableResponse catalog(int port, String key) {
    return on(port).header("Authorization", "Bearer " + key).get("/v1/catalog").then();
  }

  private static RequestSpecification on(int port) {
    return given().port(port);
  }

  private static Process launch(String name, int port, Map<String, String> config)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-Dquarkus.http.port=" + port);
    // Health is on the management interface, on a port of each instance's own.
    int managementPort = freePort();
    MANAGEMENT_PORTS.put(port, managementPort);
    command.add("-Dquarkus.management.port=" + managementPort);
    command.add(
        "-Dmp.jwt.verify.publickey.location="
            + new File("src/test/resources/test-keys/test-only-public.pem").getAbsolutePath());
    command.add("-Dspaceduck.sync.key-cache.ttl=1h");
    config.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.add("-jar");
    command.add("target/quarkus-app/quarkus-run.jar");
    File log = new File("target/two-instances-" + name + ".log");
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
