package com.spaceduck.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import com.spaceduck.platform.testing.LocalServices;
import com.spaceduck.platform.testing.PostgresTestDatabase;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged identity-service, cert-service and gateway together, as an API consumer meets them:
 * a sign-up through the gateway hatches a duckling, identity's event reaches cert-service over the
 * shared Redis stream, and the birth certificate it issues is verified through the gateway. Each
 * service runs its shipped jar ({@code prod} profile) on a throw-away database of its own, migrated
 * first by the migrator its package ships (as the pods' init containers run it); sd_tokens are
 * signed and checked with identity's test-only key pair.
 */
class SignUpToVerifiedCertificateIT {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Duration START_PATIENCE = Duration.ofSeconds(180);
  private static final Duration ISSUE_PATIENCE = Duration.ofSeconds(120);
  private static final String PASSWORD = "Correct-Horse-Battery-42";

  private static final PostgresTestDatabase IDENTITY_DB = PostgresTestDatabase.unmigrated();
  private static final PostgresTestDatabase CERT_DB = PostgresTestDatabase.unmigrated();
  private static final List<Process> SERVICES = new ArrayList<>();

  private static int gateway;
  private static int cert;

  @BeforeAll
  static void start() throws IOException, InterruptedException {
    Map<String, String> identityDb = IDENTITY_DB.start();
    Map<String, String> certDb = CERT_DB.start();
    // One stream for both, as in a deployment.
    String stream = identityDb.get("spaceduck.events.stream");
    certDb.put("spaceduck.events.stream", stream);

    int identity = freePort();
    int identityManagement = freePort();
    cert = freePort();
    int certManagement = freePort();
    gateway = freePort();
    int gatewayManagement = freePort();

    // Each database as its service's init container migrates it: with the package's own migrator.
    migrate("identity-service", IDENTITY_DB.database());
    migrate("cert-service", CERT_DB.database());

    String publicKey = key("identity-service", "test-only-public.pem");
    Map<String, String> identityConfig = new HashMap<>(identityDb);
    identityConfig.put(
        "smallrye.jwt.sign.key.location", key("identity-service", "test-only-private.pem"));
    identityConfig.put("mp.jwt.verify.publickey.location", publicKey);
    launch("identity-service", identity, identityManagement, identityConfig);

    Map<String, String> certConfig = new HashMap<>(certDb);
    certConfig.put("mp.jwt.verify.publickey.location", publicKey);
    certConfig.put(
        "spaceduck.cert.credentials.signing-key-location",
        key("cert-service", "credential-signing-test-only.pem"));
    certConfig.put(
        "spaceduck.cert.credentials.public-key-location",
        key("cert-service", "credential-signing-test-only.pub.pem"));
    launch("cert-service", cert, certManagement, certConfig);

    launch(
        "gateway",
        gateway,
        gatewayManagement,
        Map.of(
            "spaceduck.gateway.upstreams.identity", "http://127.0.0.1:" + identity,
            "spaceduck.gateway.upstreams.cert", "http://127.0.0.1:" + cert,
            "spaceduck.gateway.status.upstreams", "identity,cert",
            "spaceduck.gateway.status.readiness.identity",
                "http://127.0.0.1:" + identityManagement + "/q/health/ready",
            "spaceduck.gateway.status.readiness.cert",
                "http://127.0.0.1:" + certManagement + "/q/health/ready",
            "spaceduck.gateway.jwt.public-key-location", publicKey,
            "spaceduck.gateway.rate-limits.key-prefix", "sdtest:" + UUID.randomUUID() + ":rl:"));

    for (int management : new int[] {identityManagement, certManagement, gatewayManagement}) {
      await()
          .atMost(START_PATIENCE)
          .pollInterval(Duration.ofMillis(250))
          .ignoreExceptions()
          .until(() -> given().port(management).get("/q/health/ready").statusCode() == 200);
    }
  }

  @AfterAll
  static void stop() throws InterruptedException {
    for (Process service : SERVICES) {
      service.destroy();
    }
    for (Process service : SERVICES) {
      service.waitFor();
    }
    IDENTITY_DB.stop();
    CERT_DB.stop();
  }

  @Test
  void aSignUpThroughTheGatewayEndsInACertificateThatVerifies() {
    String email = "system-" + UUID.randomUUID() + "@pond.test";
    viaGateway()
        .contentType(ContentType.JSON)
        .body(Map.of("email", email, "password", PASSWORD, "display_name", "System Duck"))
        .post("/beak/signup")
        .then()
        .statusCode(201)
        .body("trust_tier", equalTo("T0"));
    String token =
        viaGateway()
            .contentType(ContentType.JSON)
            .body(Map.of("email", email, "password", PASSWORD))
            .post("/beak/signin")
            .then()
            .statusCode(200)
            .extract()
            .path("sd_token");

    // duckling.hatched travels identity -> outbox -> stream -> cert-service, which issues. Asked
    // of cert-service itself: polling through the gateway would spend the duckling's cert-view
    // allowance (30 a minute) before the certificate exists.
    try {
      await()
          .atMost(ISSUE_PATIENCE)
          .pollInterval(Duration.ofMillis(250))
          .until(
              () ->
                  given().port(cert).auth().oauth2(token).get("/beak/cert/view").statusCode()
                      == 200);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("No certificate within " + ISSUE_PATIENCE + logs(), e);
    }
    String certId =
        viaGateway()
            .auth()
            .oauth2(token)
            .get("/beak/cert/view")
            .then()
            .statusCode(200)
            .body("cert_status", equalTo("ISSUED"))
            .body("display_name", equalTo("System Duck"))
            .extract()
            .path("cert_id");

    viaGateway()
        .contentType(ContentType.JSON)
        .body(Map.of("cert_id", certId))
        .post("/beak/cert/verify")
        .then()
        .statusCode(200)
        .header("RateLimit-Policy", matchesPattern(".+"))
        .body("cert_id", equalTo(certId))
        .body("verified", equalTo(true))
        .body("display_name", equalTo("S***** D***"));
  }

  /** The services' own logs, for a failure message that says what happened inside. */
  private static String logs() {
    StringBuilder all = new StringBuilder();
    for (String module : List.of("identity-service", "cert-service", "gateway")) {
      all.append("\n--- ").append(module).append(" log ---\n");
      try {
        all.append(Files.readString(logFile(module).toPath()));
      } catch (IOException e) {
        all.append("(unreadable: ").append(e.getMessage()).append(')');
      }
    }
    return all.toString();
  }

  private static File logFile(String module) {
    return new File("target/" + module + ".log");
  }

  private static RequestSpecification viaGateway() {
    return given().port(gateway);
  }

  private static String key(String module, String file) {
    return ROOT.resolve(module).resolve("src/test/resources/test-keys").resolve(file).toString();
  }

  /** Runs a packaged service's migrator on its database, as its init container would. */
  private static void migrate(String module, String database)
      throws IOException, InterruptedException {
    Path app = ROOT.resolve(module).resolve("target/quarkus-app");
    File log = new File("target/" + module + "-migrate.log");
    ProcessBuilder migrator =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                app.resolve("lib/main/*") + File.pathSeparator + app.resolve("app/*"),
                "com.spaceduck.platform.migrations.Migrate")
            .redirectErrorStream(true)
            .redirectOutput(log);
    migrator.environment().put("PGHOST", LocalServices.pgHost());
    migrator.environment().put("PGPORT", String.valueOf(LocalServices.pgPort()));
    migrator.environment().put("PGUSER", LocalServices.pgUser());
    migrator.environment().put("PGPASSWORD", LocalServices.pgPassword());
    migrator.environment().put("SPACEDUCK_DATABASE", database);
    Process process = migrator.start();
    if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException(
          module + "'s migrator failed on " + database + ": " + Files.readString(log.toPath()));
    }
  }

  private static void launch(String module, int port, int management, Map<String, String> config)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-Dquarkus.http.port=" + port);
    command.add("-Dquarkus.management.port=" + management);
    config.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.add("-jar");
    command.add(ROOT.resolve(module).resolve("target/quarkus-app/quarkus-run.jar").toString());
    SERVICES.add(
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(logFile(module))
            .start());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
