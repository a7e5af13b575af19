package com.spaceduck.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.lang.reflect.Method;
import java.util.List;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.jboss.resteasy.reactive.RestQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Violations are named as the client named the field, not as the Java code does. */
class FieldPathsTest {

  private static ValidatorFactory factory;

  private final FieldPaths snakeCase =
      new FieldPaths(
          new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));

  @BeforeAll
  static void start() {
    factory =
        Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory();
  }

  @AfterAll
  static void stop() {
    factory.close();
  }

  public record Body(@NotNull String displayName, @Valid List<@Valid Item> items) {}

  public record Item(@Min(0) long priceAmount) {}

  public static class Resource {
    public String list(
        @PathParam("webhook_id") @Size(min = 3) String webhookId,
        @QueryParam("agentId") @NotNull String agentId,
        @QueryParam("page") @Min(0) int page,
        @RestQuery @Min(1) int pageSize,
        @HeaderParam("Idempotency-Key") @Size(max = 3) String idempotencyKey,
        @Valid @NotNull Body body) {
      return "";
    }
  }

  /** As an interceptor's generated subclass: the override carries no annotations. */
  public static class Intercepted extends Resource {
    @Override
    public String list(
        String webhookId,
        String agentId,
        int page,
        int pageSize,
        String idempotencyKey,
        Body body) {
      return super.list(webhookId, agentId, page, pageSize, idempotencyKey, body);
    }
  }

  private List<String> fields(Resource resource, Object... arguments) throws Exception {
    Method list =
        Resource.class.getMethod(
            "list", String.class, String.class, int.class, int.class, String.class, Body.class);
    return factory
        .getValidator()
        .forExecutables()
        .validateParameters(resource, list, arguments)
        .stream()
        .map(snakeCase::of)
        .sorted()
        .toList();
  }

  @Test
  void parametersAreNamedByTheirRequestNames() throws Exception {
    Body body = new Body("Ada", List.of());
    assertEquals(
        List.of("Idempotency-Key", "agentId", "page", "webhook_id"),
        fields(new Resource(), "ab", null, -1, 1, "long", body));
    assertEquals(
        List.of("Idempotency-Key", "agentId", "page", "webhook_id"),
        fields(new Intercepted(), "ab", null, -1, 1, "long", body));
  }

  @Test
  void anUnnamedParameterKeepsItsJavaNameInTheJsonNaming() throws Exception {
    assertEquals(
        List.of("page_size"),
        fields(new Resource(), "abc", "a", 0, 0, null, new Body("Ada", List.of())));
    assertEquals(List.of("body"), fields(new Resource(), "abc", "a", 0, 1, null, null));
  }

  @Test
  void bodyFieldsAreNamedByTheirJsonPaths() throws Exception {
    Body body = new Body(null, List.of(new Item(1), new Item(-1)));
    assertEquals(
        List.of("display_name", "items[1].price_amount"),
        fields(new Resource(), "abc", "a", 0, 1, null, body));
  }
}
