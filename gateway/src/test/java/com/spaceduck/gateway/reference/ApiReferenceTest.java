package com.spaceduck.gateway.reference;

import static com.spaceduck.platform.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import com.spaceduck.gateway.support.UpstreamStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import org.junit.jupiter.api.Test;

/** The gateway publishes the merged API reference and Swagger UI, behind a rate-limit group. */
@QuarkusTest
@WithTestResource(UpstreamStubs.class)
class ApiReferenceTest {

  @Test
  void publishesTheMergedDocument() {
    given()
        .get("/openapi.json")
        .then()
        .statusCode(200)
        .contentType(startsWith("application/json"))
        .header("RateLimit-Policy", "120;w=60;burst=60")
        .body("openapi", equalTo("3.1.0"))
        .body("servers[0].url", equalTo("/"))
        .body("paths.'/beak/signup'.post.summary", notNullValue())
        .body("paths.'/v1/sync'.post.security[0].duckhub_key", notNullValue())
        .body("components.schemas.Problem.properties.request_id", notNullValue());
    given()
        .get("/openapi.yaml")
        .then()
        .statusCode(200)
        .contentType(startsWith("application/yaml"))
        .body(containsString("openapi: \"3.1.0\""));
  }

  @Test
  void servesSwaggerUiFromItsOwnPackage() {
    given()
        .config(
            RestAssuredConfig.config()
                .redirect(RedirectConfig.redirectConfig().followRedirects(false)))
        .get("/docs")
        .then()
        .statusCode(301)
        .header("Location", "/docs/");
    given()
        .get("/docs/")
        .then()
        .statusCode(200)
        .contentType(startsWith("text/html"))
        .header("Content-Security-Policy", containsString("default-src 'self'"))
        .body(containsString("swagger-ui-bundle.js"))
        .body(containsString("reference.js"));
    given().get("/docs/reference.js").then().statusCode(200).body(containsString("/openapi.json"));
    String etag =
        given()
            .get("/docs/swagger-ui-bundle.js")
            .then()
            .statusCode(200)
            .contentType(startsWith("text/javascript"))
            .body(containsString("SwaggerUIBundle"))
            .extract()
            .header("ETag");
    given().header("If-None-Match", etag).get("/docs/swagger-ui-bundle.js").then().statusCode(304);
    given().get("/docs/swagger-ui.css").then().statusCode(200).contentType(startsWith("text/css"));
  }

  @Test
  void refusesWhatItDoesNotServe() {
    assertProblem(given().get("/docs/nope.js").then(), 404, "E4005");
    assertProblem(given().get("/docs/../q/openapi").then(), 404, "E4005");
    assertProblem(given().get("/q/openapi").then(), 404, "E4005");
    assertProblem(given().get("/q/swagger-ui").then(), 404, "E4005");
    given().body("{}").post("/openapi.json").then().statusCode(405).header("Allow", "GET, HEAD");
  }

  @Test
  void swaggerUiFilesAreNotPublishedAnywhereElse() {
    assertProblem(given().get("/openapi-ui/swagger-ui-bundle.js").then(), 404, "E4005");
    assertProblem(given().get("/template/index.html").then(), 404, "E4005");
  }
}
