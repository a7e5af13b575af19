package com.spaceduck.identity.webhooks;

import static com.spaceduck.identity.TestDucklings.execute;
import static com.spaceduck.identity.TestDucklings.queryString;
import static org.awaitility.Awaitility.await;

import com.spaceduck.identity.TestDucklings.TestDuckling;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the webhook tests share: a fresh local {@link Receiver} for each test, subscribing to it,
 * messages put straight into the table, and checking a Standard Webhooks signature as a receiver
 * does.
 */
abstract class WebhookFixtures {

  static final Duration WAIT = Duration.ofSeconds(40);

  /** A created webhook: its id, and its secret (shown once, at creation). */
  record Hook(String id, String secret) {}

  Receiver receiver;

  @BeforeEach
  void startReceiver() throws Exception {
    receiver = new Receiver();
  }

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  /** Subscribes the owner's webhook at {@code path} of the receiver to {@code events}. */
  Hook subscribe(TestDuckling owner, String path, List<String> events) {
    return subscribe(owner, Map.of("url", receiver.url(path), "events", events));
  }

  /** The same, ordered or not. */
  Hook subscribe(TestDuckling owner, String path, List<String> events, boolean ordered) {
    return subscribe(
        owner, Map.of("url", receiver.url(path), "events", events, "ordered", ordered));
  }

  /** Creates a webhook from a request body, which must succeed. */
  static Hook subscribe(TestDuckling owner, Map<String, ?> body) {
    var created =
        owner
            .as()
            .contentType(ContentType.JSON)
            .body(body)
            .post("/beak/webhooks")
            .then()
            .statusCode(201)
            .extract();
    return new Hook(created.path("webhook_id"), created.path("secret"));
  }

  /**
   * Puts messages 1 to {@code count} of a webhook straight into the table, an {@code
   * agent.registered} with body {@code {"n":N}} each: due since {@code dueAgo}, created {@code
   * createdAgo} ago and then a second apart (intervals such as {@code "1 second"}).
   */
  static void insertMessages(
      String webhookId, int count, String status, String dueAgo, String createdAgo) {
    execute(
        "insert into webhook_messages (id, subscription_id, sequence, event_type, payload, status,"
            + " attempts, next_attempt_at, created_at)"
            + " select gen_random_uuid(), ?::uuid, n, 'agent.registered', '{\"n\":' || n || '}',"
            + " ?, 0, now() - ?::interval, now() - ?::interval + (n - 1) * interval '1 second'"
            + " from generate_series(1, ?) n",
        webhookId,
        status,
        dueAgo,
        createdAgo,
        count);
  }

  /** One pending message of a webhook, due a second ago and created now. */
  static void insertDue(String webhookId) {
    insertMessages(webhookId, 1, "pending", "1 second", "0 seconds");
  }

  /** A column of the webhook's only message (or its first row). */
  static String messageColumn(String webhookId, String column) {
    return queryString(
        "select " + column + " from webhook_messages where subscription_id = ?::uuid", webhookId);
  }

  /** How often the webhook's only message was attempted. */
  static long attempts(String webhookId) {
    return Long.parseLong(messageColumn(webhookId, "attempts"));
  }

  /** Waits until the message with this id is delivered. */
  static void awaitDelivered(String messageId) {
    await()
        .atMost(WAIT)
        .until(
            () ->
                "delivered"
                    .equals(
                        queryString(
                            "select status from webhook_messages where id = ?::uuid", messageId)));
  }

  /** Standard Webhooks verification, as a receiver does it: any listed v1 signature may match. */
  static boolean verifies(String secret, Receiver.Received request) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(
        new SecretKeySpec(
            Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
    String signed =
        request.header("webhook-id")
            + "."
            + request.header("webhook-timestamp")
            + "."
            + request.body();
    String expected =
        Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    for (String candidate : request.header("webhook-signature").split(" ")) {
      if (candidate.equals("v1," + expected)) {
        return true;
      }
    }
    return false;
  }
}
