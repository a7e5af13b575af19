package com.spaceduck.identity.webhooks;

import static com.spaceduck.identity.TestDucklings.execute;
import static com.spaceduck.identity.TestDucklings.queryLong;
import static com.spaceduck.identity.TestDucklings.queryString;
import static com.spaceduck.platform.testing.ProblemAssertions.assertProblem;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.spaceduck.identity.TestDucklings;
import com.spaceduck.identity.TestDucklings.TestDuckling;
import com.spaceduck.platform.testing.PostgresTestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Targets as production sees them (allow-insecure-targets off): loopback and private addresses are
 * refused when a webhook is saved and again at delivery, after resolving its name.
 */
@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
@TestProfile(RefusedTargetsTest.SecureTargets.class)
class RefusedTargetsTest {

  private static final Duration WAIT = Duration.ofSeconds(40);

  /** Production's target rules, and a resolver knowing a few names of its own. */
  public static class SecureTargets implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("spaceduck.identity.webhooks.allow-insecure-targets", "false");
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
      return Set.of(FixedNames.class);
    }
  }

  /**
   * {@code *.private.test} resolves to 10.1.2.3, {@code *.loopback.test} to 127.0.0.1 (what a
   * rebinding DNS would answer); other names as the system resolves them.
   */
  @Alternative
  @Singleton
  public static class FixedNames extends WebhookResolver {
    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
      if (host.endsWith(".private.test")) {
        return new InetAddress[] {InetAddress.getByAddress(host, new byte[] {10, 1, 2, 3})};
      }
      if (host.endsWith(".loopback.test")) {
        return new InetAddress[] {
          InetAddress.getByAddress(host, new byte[] {(byte) 203, 0, 113, 9}),
          InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})
        };
      }
      return super.resolve(host);
    }
  }

  private Receiver receiver;

  @BeforeEach
  void startReceiver() throws Exception {
    receiver = new Receiver();
  }

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  @Test
  void loopbackAndPrivateTargetsAreRefusedWhenSaved() {
    TestDuckling owner = TestDucklings.create();
    for (String url :
        List.of(
            receiver.url("/ok/plain-http"),
            "https://127.0.0.1/hook",
            "https://10.0.0.8/hook",
            "https://localhost/hook",
            "https://[::1]/hook")) {
      assertProblem(create(owner, url).then(), 400, "E4000")
          .body("errors[0].field", equalTo("url"));
    }
    owner.as().get("/beak/webhooks").then().statusCode(200).body("webhooks.size()", equalTo(0));
  }

  @Test
  void loopbackAndNamesResolvingToPrivateAddressesAreRefusedAtDelivery() {
    TestDuckling owner = TestDucklings.create();
    String loopback = saved(owner, "https://hooks.example.com/a");
    String privateName = saved(owner, "https://hooks.example.com/b");
    String rebinding = saved(owner, "https://hooks.example.com/c");
    // Saved while allowed (or before the rules were tightened), now pointing inwards.
    retarget(loopback, "https://127.0.0.1:" + port() + "/ok/loopback");
    retarget(privateName, "https://api.private.test/hook");
    retarget(rebinding, "https://api.loopback.test:" + port() + "/ok/rebinding");
    for (String id : List.of(loopback, privateName, rebinding)) {
      message(id);
    }
    for (String id : List.of(loopback, privateName, rebinding)) {
      await()
          .atMost(WAIT)
          .until(
              () ->
                  queryLong(
                          "select attempts from webhook_messages where subscription_id = ?::uuid",
                          id)
                      == 1);
    }
    assertEquals(
        "Refused target: the URL must not point at a loopback or private address.",
        lastError(loopback));
    assertEquals(
        "Refused target: api.private.test resolves to an address that may not be pointed at a"
            + " loopback or private address.",
        lastError(privateName));
    assertEquals(
        "Refused target: api.loopback.test resolves to an address that may not be pointed at a"
            + " loopback or private address.",
        lastError(rebinding));
    assertEquals(
        "pending",
        queryString(
            "select status from webhook_messages where subscription_id = ?::uuid", loopback),
        "a refused attempt is a failed one, retried later");
    assertEquals(0, receiver.requests.size(), "nothing reached the local receiver");
  }

  private io.restassured.response.Response create(TestDuckling owner, String url) {
    return owner
        .as()
        .contentType(ContentType.JSON)
        .body(Map.of("url", url, "events", List.of("agent.registered")))
        .post("/beak/webhooks");
  }

  private String saved(TestDuckling owner, String url) {
    return create(owner, url).then().statusCode(201).extract().path("webhook_id");
  }

  private int port() {
    String url = receiver.url("/");
    return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1, url.length() - 1));
  }

  private static void retarget(String webhookId, String url) {
    execute("update webhook_subscriptions set url = ? where id = ?::uuid", url, webhookId);
  }

  private static void message(String webhookId) {
    execute(
        "insert into webhook_messages (id, subscription_id, sequence, event_type, payload, status,"
            + " attempts, next_attempt_at, created_at)"
            + " values (gen_random_uuid(), ?::uuid, 1, 'agent.registered', '{}', 'pending', 0,"
            + " now() - interval '1 second', now())",
        webhookId);
  }

  private static String lastError(String webhookId) {
    return queryString(
        "select last_error from webhook_messages where subscription_id = ?::uuid", webhookId);
  }
}
