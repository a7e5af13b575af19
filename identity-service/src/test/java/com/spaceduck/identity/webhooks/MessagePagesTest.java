package com.spaceduck.identity.webhooks;

import static com.spaceduck.platform.testing.ProblemAssertions.assertProblem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.spaceduck.identity.TestDucklings;
import com.spaceduck.identity.TestDucklings.TestDuckling;
import com.spaceduck.platform.testing.PostgresTestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The page and size of a webhook's message list, refused by name outside their range. */
@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
class MessagePagesTest {

  private TestDuckling owner;
  private String id;

  @BeforeEach
  void aWebhook() {
    owner = TestDucklings.create();
    id = WebhooksTest.createdId(owner, "https://hooks.example.com/pages", List.of("cert.issued"));
  }

  private ValidatableResponse messages(String name, Object value) {
    return owner.as().queryParam(name, value).get("/beak/webhooks/" + id + "/messages").then();
  }

  @Test
  void aPageOutsideItsRangeIsRefused() {
    for (int page : new int[] {-1, 10_001}) {
      assertProblem(messages("page", page), 400, "E4000")
          .body("errors.field", contains("page"))
          .body("errors.message", contains("must be between 0 and 10000"));
    }
    messages("page", 10_000).statusCode(200).body("messages", hasSize(0));
  }

  @Test
  void aSizeOutsideItsRangeIsRefused() {
    for (int size : new int[] {0, 101}) {
      assertProblem(messages("size", size), 400, "E4000")
          .body("errors.field", contains("size"))
          .body("errors.message", contains("must be between 1 and 100"));
    }
    messages("size", 100).statusCode(200).body("size", equalTo(100));
  }

  @Test
  void bothAreNamedAtOnce() {
    assertProblem(
            owner
                .as()
                .queryParam("page", -1)
                .queryParam("size", 0)
                .get("/beak/webhooks/" + id + "/messages")
                .then(),
            400,
            "E4000")
        .body("errors.field", contains("page", "size"));
  }

  @Test
  void theDefaultsAreTheFirstPageOfFifty() {
    owner
        .as()
        .get("/beak/webhooks/" + id + "/messages")
        .then()
        .statusCode(200)
        .body("page", equalTo(0))
        .body("size", equalTo(50));
  }
}
