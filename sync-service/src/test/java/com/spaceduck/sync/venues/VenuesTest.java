package com.spaceduck.sync.venues;

import static com.spaceduck.platform.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.spaceduck.platform.testing.PostgresTestDatabase;
import com.spaceduck.sync.support.DuckHub;
import com.spaceduck.sync.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
class VenuesTest {

  @Test
  void createsVenueWithDefaults() {
    given()
        .auth()
        .oauth2(Tokens.owner())
        .contentType(ContentType.JSON)
        .body(Map.of("name", "  Quack Bar "))
        .post("/v1/venues")
        .then()
        .statusCode(201)
        .contentType(ContentType.JSON)
        .body("venueId", notNullValue())
        .body("name", equalTo("Quack Bar"))
        .body("timezone", equalTo("UTC"))
        .body("currency", equalTo(null))
        .body("createdAt", notNullValue());
  }

  @Test
  void createsVenueWithTimezoneAndCurrency() {
    given()
        .auth()
        .oauth2(Tokens.owner())
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Teich", "timezone", "Europe/Berlin", "currency", "EUR"))
        .post("/v1/venues")
        .then()
        .statusCode(201)
        .body("timezone", equalTo("Europe/Berlin"))
        .body("currency", equalTo("EUR"));
  }

  @Test
  void rejectsInvalidVenueFields() {
    assertProblem(
            given()
                .auth()
                .oauth2(Tokens.owner())
                .contentType(ContentType.JSON)
                .body(Map.of("name", " ", "currency", "eur"))
                .post("/v1/venues")
                .then(),
            400,
            "invalid_request")
        .body("errors.field", contains("currency", "name"));
    assertProblem(
            given()
                .auth()
                .oauth2(Tokens.owner())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Pond", "timezone", "Mars/Olympus"))
                .post("/v1/venues")
                .then(),
            400,
            "invalid_request")
        .body("errors[0].field", equalTo("timezone"));
    assertProblem(
            given()
                .auth()
                .oauth2(Tokens.owner())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Pond", "currency", "XYZ"))
                .post("/v1/venues")
                .then(),
            400,
            "invalid_request")
        .body("errors[0].field", equalTo("currency"));
    // Every field is checked before anything else: both errors come in one problem.
    assertProblem(
            given()
                .auth()
                .oauth2(Tokens.owner())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Pond", "timezone", "+02:00", "currency", "XYZ"))
                .post("/v1/venues")
                .then(),
            400,
            "invalid_request")
        .body("errors.field", contains("currency", "timezone"))
        .body("errors[1].message", equalTo("must be an IANA time zone such as Europe/Berlin"));
  }

  @Test
  void listsOnlyTheCallersVenues() {
    String alice = Tokens.owner();
    String bob = Tokens.owner();
    String first = DuckHub.venue(alice);
    String second = DuckHub.venue(alice);
    String bobs = DuckHub.venue(bob);

    given()
        .auth()
        .oauth2(alice)
        .get("/v1/venues")
        .then()
        .statusCode(200)
        .body("venues", hasSize(2))
        .body("venues.venueId", contains(first, second));
    given().auth().oauth2(bob).get("/v1/venues").then().body("venues.venueId", contains(bobs));
  }

  @Test
  void anotherOwnersVenueIsNotFound() {
    String alice = Tokens.owner();
    String venue = DuckHub.venue(alice);
    given().auth().oauth2(alice).get("/v1/venues/" + venue).then().statusCode(200);

    String bob = Tokens.owner();
    assertProblem(
        given().auth().oauth2(bob).get("/v1/venues/" + venue).then(), 404, "venue_not_found");
    assertProblem(
        given().auth().oauth2(bob).post("/v1/venues/" + venue + "/api-key").then(),
        404,
        "venue_not_found");
    assertProblem(
        given().auth().oauth2(bob).get("/v1/venues/" + venue + "/api-key").then(),
        404,
        "venue_not_found");
    assertProblem(
        given().auth().oauth2(bob).delete("/v1/venues/" + venue + "/api-key").then(),
        404,
        "venue_not_found");
    assertProblem(
        given().auth().oauth2(bob).get("/v1/venues/" + UUID.randomUUID()).then(),
        404,
        "venue_not_found");
    assertProblem(
        given().auth().oauth2(bob).get("/v1/venues/not-a-uuid").then(), 404, "venue_not_found");
  }

  @Test
  void refusesMissingAndForgedTokens() {
    UUID duckling = UUID.randomUUID();
    assertProblem(given().get("/v1/venues").then(), 401, "unauthorized")
        .header("WWW-Authenticate", "Bearer");
    for (String token :
        new String[] {
          Tokens.expired(duckling),
          Tokens.wrongIssuer(duckling),
          Tokens.unsigned(duckling),
          Tokens.audience(duckling, null),
          Tokens.audience(duckling, "https://spaceduck.example/other"),
          Tokens.subject("not-a-duckling"),
          "dk_live_" + "a".repeat(32)
        }) {
      assertProblem(given().auth().oauth2(token).get("/v1/venues").then(), 401, "unauthorized");
    }
  }

  @Test
  void capsVenuesPerOwnerEvenUnderConcurrentCreation() throws Exception {
    // The %test profile allows 5 venues per owner.
    String owner = Tokens.owner();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        answers.add(
            pool.submit(
                () ->
                    given()
                        .auth()
                        .oauth2(owner)
                        .contentType(ContentType.JSON)
                        .body(Map.of("name", "Pond"))
                        .post("/v1/venues")
                        .statusCode()));
      }
      int created = 0;
      for (Future<Integer> answer : answers) {
        if (answer.get() == 201) {
          created++;
        }
      }
      assertEquals(5, created);
    } finally {
      pool.shutdownNow();
    }
    assertProblem(
            given()
                .auth()
                .oauth2(owner)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "One too many"))
                .post("/v1/venues")
                .then(),
            409,
            "venue_limit_reached")
        .body("limit", equalTo(5));
    given().auth().oauth2(owner).get("/v1/venues").then().body("venues", hasSize(5));
    given().auth().oauth2(owner).get("/v1/venues").then().body("venues.name", hasItem("Pond"));
  }
}
