package com.spaceduck.gateway.routing;

import static com.spaceduck.platform.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spaceduck.gateway.support.RawHttp;
import com.spaceduck.gateway.support.UpstreamStubs;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(UpstreamStubs.class)
class RoutingTest {

  @Inject MeterRegistry registry;

  /** A fresh client address per test, so no two tests share a rate-limit bucket. */
  private static String clientIp() {
    return "198.51.100." + (1 + (int) (Math.random() * 250)) + "";
  }

  @Test
  void routesEachApiToItsService() {
    given().get("/beak/me").then().statusCode(200).body("upstream", equalTo("identity"));
    given()
        .get("/beak/cert/verify?cert_id=abc")
        .then()
        .statusCode(200)
        .body("upstream", equalTo("cert"))
        .body("uri", equalTo("/beak/cert/verify?cert_id=abc"));
    given().get("/v1/catalog").then().statusCode(200).body("upstream", equalTo("sync"));
  }

  /**
   * The certificate API's public documents pass as they are: dots in segments ({@code .well-known},
   * {@code qr.svg}) are not dot segments, and each is limited per client address in the general
   * Space Duck group (verify keeps its own, stricter group).
   */
  @Test
  void routesCertificateDocumentsToCertInTheGeneralGroup() {
    String certId = UUID.randomUUID().toString();
    for (String path :
        new String[] {
          "/beak/cert/.well-known/jwks.json",
          "/beak/cert/status/1",
          "/beak/cert/" + certId + "/credential",
          "/beak/cert/" + certId + "/qr.svg",
          "/beak/cert/" + certId + "/qr.png"
        }) {
      given()
          .header("X-Forwarded-For", clientIp())
          .get(path)
          .then()
          .statusCode(200)
          .header("RateLimit-Limit", "300")
          .body("upstream", equalTo("cert"))
          .body("uri", equalTo(path));
    }
    given()
        .header("X-Forwarded-For", clientIp())
        .get("/beak/cert/verify?cert_id=" + certId)
        .then()
        .header("RateLimit-Limit", "60");
  }

  @Test
  void passesForwardingHeadersAndRequestId() {
    given()
        .header("X-Forwarded-For", "203.0.113.9")
        .header("X-Request-Id", "route-test-1")
        .get("/beak/me")
        .then()
        .statusCode(200)
        .header("X-Request-Id", "route-test-1")
        .body("headers.'x-forwarded-for'", equalTo("203.0.113.9, 127.0.0.1"))
        .body("headers.'x-forwarded-proto'", equalTo("http"))
        .body("headers.'x-forwarded-host'", containsString("localhost"))
        .body("headers.'x-request-id'", equalTo("route-test-1"));
  }

  @Test
  void stripsHopByHopHeadersBothWays() {
    given()
        .header("Connection", "keep-alive, X-Hop-Secret")
        .header("X-Hop-Secret", "1")
        .header("Keep-Alive", "timeout=1")
        .header("Proxy-Authorization", "Basic eDp5")
        .header("TE", "trailers")
        .header("X-End-To-End", "kept")
        .get("/beak/me")
        .then()
        .statusCode(200)
        .header("X-Upstream", "identity")
        .header("Keep-Alive", nullValue())
        .body("headers", not(hasKey("x-hop-secret")))
        .body("headers", not(hasKey("keep-alive")))
        .body("headers", not(hasKey("proxy-authorization")))
        .body("headers", not(hasKey("te")))
        .body("headers.'x-end-to-end'", equalTo("kept"));
  }

  @Test
  void neverExposesManagementPathsOfUpstreams() throws Exception {
    for (String sneaky :
        new String[] {"/beak/../q/metrics", "/beak/%2e%2e/q/metrics", "/v1/./../q/health"}) {
      String response = RawHttp.get("127.0.0.1", RestAssured.port, sneaky);
      assertFalse(response.contains("\"upstream\""), sneaky + " reached an upstream: " + response);
    }
    assertFalse(UpstreamStubs.seen("/q/metrics"));
    assertFalse(UpstreamStubs.seen("/q/health"));
  }

  @Test
  void streamsRequestAndResponseBodies() {
    byte[] body = new byte[200_000];
    given()
        .contentType(ContentType.BINARY)
        .body(body)
        .post("/beak/upload")
        .then()
        .statusCode(200)
        .body("body_length", equalTo(200_000));
    byte[] big = given().get("/beak/files/big").then().statusCode(200).extract().asByteArray();
    assertEquals(1024 * 1024, big.length);
  }

  @Test
  void declaredOversizedBodyIs413() {
    assertProblem(
        given()
            .contentType(ContentType.BINARY)
            .body(new byte[1024 * 1024 + 1])
            .post("/beak/upload")
            .then(),
        413,
        "E4130");
  }

  @Test
  void overlongRequestTargetIs414AndNotForwarded() {
    String identityPath = "/beak/long-" + UUID.randomUUID();
    String syncPath = "/v1/long-" + UUID.randomUUID();
    String longQuery = "?q=" + "a".repeat(9000);
    assertProblem(given().get(identityPath + longQuery).then(), 414, "E4140");
    assertProblem(given().get(syncPath + longQuery).then(), 414, "uri_too_long");
    assertFalse(UpstreamStubs.seen(identityPath), "identity never saw the request");
    assertFalse(UpstreamStubs.seen(syncPath), "sync never saw the request");

    String atLimit = identityPath + "?q=";
    atLimit += "a".repeat(8192 - atLimit.length());
    given().get(atLimit).then().statusCode(200).body("uri", equalTo(atLimit));
  }

  @Test
  void chunkedOversizedBodyIsCutOffWith413() throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + "/v1/sync"))
            .POST(
                HttpRequest.BodyPublishers.ofInputStream(
                    () -> new ByteArrayInputStream(new byte[2 * 1024 * 1024])))
            .header("Content-Type", "application/json")
            .build();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException closedEarly) {
      // The gateway may close the connection while the client is still sending: also a refusal.
      return;
    }
    assertEquals(413, response.statusCode(), response.body());
    assertTrue(response.body().contains("payload_too_large"), response.body());
  }

  @Test
  void bodiesOfHttp2RequestsAreForwarded() throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + "/beak/upload"))
            .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[100_000]))
            .header("Content-Type", "application/octet-stream")
            .build();
    // The first request upgrades the connection (h2c); the second travels as HTTP/2.
    for (int i = 0; i < 2; i++) {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode(), response.body());
      assertTrue(response.body().contains("\"body_length\":100000"), response.body());
    }
  }

  @Test
  void countsAnswersPerUpstreamAndStatusClass() {
    double ok =
        registry
            .counter("spaceduck.gateway.upstream.responses", "upstream", "sync", "status", "2xx")
            .count();
    double down =
        registry
            .counter("spaceduck.gateway.upstream.responses", "upstream", "dead", "status", "5xx")
            .count();
    given().get("/v1/catalog").then().statusCode(200);
    given().get("/v1/dead/catalog").then().statusCode(503);
    assertEquals(
        ok + 1,
        registry
            .counter("spaceduck.gateway.upstream.responses", "upstream", "sync", "status", "2xx")
            .count());
    assertEquals(
        down + 1,
        registry
            .counter("spaceduck.gateway.upstream.responses", "upstream", "dead", "status", "5xx")
            .count());
  }

  @Test
  void silentUpstreamIs504() {
    assertProblem(given().get("/beak/reports/slow").then(), 504, "E5004");
  }

  @Test
  void safeRequestIsSentAgainWhenTheServiceClosesTheConnectionBeforeAnswering() {
    String path = "/beak/restart-" + UUID.randomUUID() + "/close-once";
    given().get(path).then().statusCode(200).body("uri", equalTo(path));
    assertEquals(2, UpstreamStubs.timesSeen(path));
  }

  @Test
  void connectionClosedBeforeAnAnswerIs503WithRetryAfter() {
    String post = "/beak/restart-" + UUID.randomUUID() + "/close-always";
    assertProblem(given().contentType(ContentType.JSON).body("{}").post(post).then(), 503, "E5003")
        .header("Retry-After", "1");
    assertEquals(1, UpstreamStubs.timesSeen(post), "a POST is never sent twice");

    String get = "/beak/restart-" + UUID.randomUUID() + "/close-always";
    assertProblem(given().get(get).then(), 503, "E5003").header("Retry-After", "1");
    assertEquals(2, UpstreamStubs.timesSeen(get), "a GET is sent at most twice");
  }

  @Test
  void unreachableUpstreamIs503WithRetryAfter() {
    assertProblem(given().get("/v1/dead/catalog").then(), 503, "service_unavailable")
        .header("Retry-After", notNullValue());
  }

  @Test
  void edgeHeadersPassOnlyFromTrustedProxies() throws Exception {
    given()
        .header("X-Geo-Country", "DE")
        .header("X-Forwarded-For", clientIp())
        .get("/beak/signin-page")
        .then()
        .statusCode(200)
        .body("headers.'x-geo-country'", equalTo("DE"));
    String untrusted = echoFrom("127.0.0.2", "X-Geo-Country: DE", "X-Forwarded-For: 203.0.113.50");
    assertFalse(untrusted.contains("x-geo-country"), untrusted);
    assertTrue(untrusted.contains("\"x-forwarded-for\":\"127.0.0.2\""), untrusted);
  }

  @Test
  void forwardingHeadersOfTrustedProxiesAreKeptAndOfOthersReplaced() throws Exception {
    String trusted =
        echoFrom(
            "127.0.0.1",
            "X-Forwarded-For: 198.51.100.1",
            "X-Forwarded-For: 203.0.113.7",
            "X-Forwarded-Proto: https");
    assertTrue(
        trusted.contains("\"x-forwarded-for\":\"198.51.100.1, 203.0.113.7, 127.0.0.1\""), trusted);
    assertTrue(trusted.contains("\"x-forwarded-proto\":\"https\""), trusted);
    String untrusted =
        echoFrom("127.0.0.2", "X-Forwarded-Proto: https", "X-Forwarded-Host: evil.example");
    assertTrue(untrusted.contains("\"x-forwarded-proto\":\"http\""), untrusted);
    assertFalse(untrusted.contains("evil.example"), untrusted);
  }

  /**
   * A raw GET sent from a local address (127.0.0.1 is a trusted proxy in tests, 127.0.0.2 is not)
   * to a fresh path; returns the whole answer, the identity stub's echo of what it received.
   */
  private static String echoFrom(String localAddress, String... headers) throws Exception {
    String answer =
        RawHttp.get(localAddress, RestAssured.port, "/beak/echo-" + UUID.randomUUID(), headers);
    assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
    return answer;
  }
}
