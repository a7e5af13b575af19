package com.spaceduck.identity.webhooks;

import static com.spaceduck.identity.TestDucklings.execute;
import static com.spaceduck.identity.TestDucklings.queryLong;
import static com.spaceduck.platform.testing.ManagementInterface.management;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spaceduck.identity.TestDucklings;
import com.spaceduck.identity.TestDucklings.TestDuckling;
import com.spaceduck.platform.testing.PostgresTestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Delivery metrics on the management interface's /q/metrics, after one success and one failure. */
@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
class WebhookMetricsTest extends WebhookFixtures {

  @Inject WebhookDelivery delivery;

  @Test
  void deliveriesLatencyBacklogAndOldestAgeAreMeasured() {
    // Whatever earlier tests left pending is set aside, so only this test's messages move.
    execute(
        "update webhook_messages set status = 'failed', next_attempt_at = null"
            + " where status = 'pending'");
    String before = scrape();
    TestDuckling owner = TestDucklings.create();
    String ok = subscribe(owner, "/ok/" + UUID.randomUUID(), List.of("agent.registered")).id();
    String failing =
        subscribe(owner, "/fail/" + UUID.randomUUID(), List.of("agent.registered")).id();
    // Due messages, created two minutes ago.
    insertMessages(ok, 1, "pending", "1 second", "2 minutes");
    insertMessages(failing, 1, "pending", "1 second", "2 minutes");
    await()
        .atMost(WAIT)
        .until(
            () ->
                queryLong(
                        "select count(*) from webhook_messages where subscription_id in"
                            + " (?::uuid, ?::uuid) and attempts = 1",
                        ok,
                        failing)
                    == 2);
    // The failed one waits for a retry long after this test.
    execute(
        "update webhook_messages set next_attempt_at = now() + interval '1 hour'"
            + " where subscription_id = ?::uuid",
        failing);
    delivery.measureBacklog().await().atMost(WAIT);
    String after = scrape();

    assertEquals(1.0, delta(before, after, "spaceduck_webhooks_deliveries_total", "delivered"));
    assertEquals(1.0, delta(before, after, "spaceduck_webhooks_deliveries_total", "\"failed\""));
    assertEquals(0.0, delta(before, after, "spaceduck_webhooks_deliveries_total", "given_up"));
    assertEquals(2.0, delta(before, after, "spaceduck_webhooks_attempt_latency_seconds_count", ""));
    assertTrue(delta(before, after, "spaceduck_webhooks_attempt_latency_seconds_sum", "") > 0);
    assertEquals(1.0, value(after, "spaceduck_webhooks_backlog", ""), "one message pending");
    double age = value(after, "spaceduck_webhooks_oldest_pending_age_seconds", "");
    assertTrue(age >= 120 && age < 600, "the pending message is two minutes old: " + age);
  }

  private static String scrape() {
    return management().get("/q/metrics").then().statusCode(200).extract().asString();
  }

  private static double delta(String before, String after, String name, String label) {
    return value(after, name, label) - value(before, name, label);
  }

  /** The sum of the samples of {@code name} whose labels contain {@code label}; 0 when none. */
  private static double value(String metrics, String name, String label) {
    double sum = 0;
    for (String line : metrics.split("\n")) {
      if (line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      String series = line.substring(0, Math.max(space, 0));
      String metric = series.contains("{") ? series.substring(0, series.indexOf('{')) : series;
      if (metric.equals(name) && series.contains(label)) {
        sum += Double.parseDouble(line.substring(space + 1));
      }
    }
    return sum;
  }
}
