package com.spaceduck.identity.webhooks;

import static com.spaceduck.identity.TestDucklings.execute;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Targets as production sees them (allow-insecure-targets off): loopback and private addresses are
 * refused when a webhook is saved and again at delivery, after resolving its name.
 */
@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
@TestProfile(RefusedTargetsTest.SecureTargets.class)
class RefusedTargetsTest extends WebhookFixtures {

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
      insertDue(id);
    }
    for (String id : List.of(loopback, privateName, rebinding)) {
      await().atMost(WAIT).until(() -> attempts(id) == 1);
    }
    assertEquals(
        "Refused target: the URL must not point at a loopback or private address.",
        messageColumn(loopback, "last_error"));
    assertEquals(
        "Refused target: api.private.test resolves to an address that may not be pointed at a"
            + " loopback or private address.",
        messageColumn(privateName, "last_error"));
    assertEquals(
        "Refused target: api.loopback.test resolves to an address that may not be pointed at a"
            + " loopback or private address.",
        messageColumn(rebinding, "last_error"));
    assertEquals(
        "pending",
        messageColumn(loopback, "status"),
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
    return subscribe(owner, Map.of("url", url, "events", List.of("agent.registered"))).id();
  }

  private int port() {
    String url = receiver.url("/");
    return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1, url.length() - 1));
  }

  private static void retarget(String webhookId, String url) {
    execute("update webhook_subscriptions set url = ? where id = ?::uuid", url, webhookId);
  }
}
