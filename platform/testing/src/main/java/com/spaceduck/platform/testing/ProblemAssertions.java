package com.spaceduck.platform.testing;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.response.ValidatableResponse;

/** Checks that a response is a well-formed, leak-free RFC 9457 problem. */
public final class ProblemAssertions {

  private ProblemAssertions() {}

  public static ValidatableResponse assertProblem(
      ValidatableResponse response, int status, String code) {
    return response
        .statusCode(status)
        .contentType(startsWith("application/problem+json"))
        .header("X-Request-Id", notNullValue())
        .body("status", equalTo(status))
        .body("code", equalTo(code))
        .body("type", endsWith(code))
        .body("title", notNullValue())
        .body("detail", notNullValue())
        .body("request_id", notNullValue())
        .body(
            allOf(
                not(containsString("Exception")),
                not(containsString("\tat ")),
                not(containsString("com.spaceduck")),
                not(containsString("org.hibernate")),
                not(containsString("io.vertx"))));
  }
}
