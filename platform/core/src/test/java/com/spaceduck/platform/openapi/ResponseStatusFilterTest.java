package com.spaceduck.platform.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.jboss.jandex.Index;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;
import org.junit.jupiter.api.Test;

class ResponseStatusFilterTest {

  record Pond(String name) {}

  @Path("/beak/ponds")
  static class PondsResource {

    @POST
    @ResponseStatus(201)
    public Uni<Pond> create() {
      return null;
    }

    @POST
    @Path("{pond_id: [a-z]+}/ducks/")
    @ResponseStatus(201)
    public RestResponse<Pond> hatch() {
      return null;
    }

    @GET
    @Path("{pond_id}")
    public Pond get() {
      return null;
    }

    @POST
    @Path("{pond_id}/drain")
    @ResponseStatus(202)
    public Uni<Pond> drain() {
      return null;
    }
  }

  private final OpenAPI api = OASFactory.createOpenAPI();

  private Operation operation(String path, boolean post, String... responses) {
    Operation op = OASFactory.createOperation().responses(OASFactory.createAPIResponses());
    for (int i = 0; i < responses.length; i += 2) {
      op.getResponses()
          .addAPIResponse(
              responses[i], OASFactory.createAPIResponse().description(responses[i + 1]));
    }
    api.getPaths()
        .addPathItem(
            path,
            post ? OASFactory.createPathItem().POST(op) : OASFactory.createPathItem().GET(op));
    return op;
  }

  private void filter() throws Exception {
    new ResponseStatusFilter(Index.of(PondsResource.class)).filterOpenAPI(api);
  }

  @Test
  void theDerived200BecomesTheDeclaredStatusWithItsContent() throws Exception {
    api.paths(OASFactory.createPaths());
    Operation create = operation("/beak/ponds", true, "200", "OK", "400", "Bad Request");
    create
        .getResponses()
        .getAPIResponse("200")
        .content(
            OASFactory.createContent()
                .addMediaType(
                    "application/json",
                    OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("#/components/schemas/Pond"))));

    filter();

    Map<String, APIResponse> responses = create.getResponses().getAPIResponses();
    assertEquals(List.of("201", "400"), List.copyOf(responses.keySet()), "in the same place");
    assertEquals("Created", responses.get("201").getDescription());
    assertEquals(
        "#/components/schemas/Pond",
        responses.get("201").getContent().getMediaType("application/json").getSchema().getRef());
  }

  @Test
  void aPatternedPathAndAnotherStatusAreFoundToo() throws Exception {
    api.paths(OASFactory.createPaths());
    Operation hatch = operation("/beak/ponds/{pond_id}/ducks", true, "200", "OK");
    Operation drain = operation("/beak/ponds/{pond_id}/drain", true, "404", "Gone", "200", "OK");

    filter();

    assertEquals(Set.of("201"), hatch.getResponses().getAPIResponses().keySet());
    assertEquals("Created", hatch.getResponses().getAPIResponse("201").getDescription());
    assertEquals(
        List.of("404", "202"), List.copyOf(drain.getResponses().getAPIResponses().keySet()));
    assertEquals("Accepted", drain.getResponses().getAPIResponse("202").getDescription());
  }

  @Test
  void aDeclaredResponseAndMethodsWithoutAStatusAreLeftAlone() throws Exception {
    api.paths(OASFactory.createPaths());
    Operation create = operation("/beak/ponds", true, "201", "A new pond", "403", "Forbidden");
    Operation get = operation("/beak/ponds/{pond_id}", false, "200", "OK");

    filter();

    assertEquals(Set.of("201", "403"), create.getResponses().getAPIResponses().keySet());
    assertEquals("A new pond", create.getResponses().getAPIResponse("201").getDescription());
    assertEquals(Set.of("200"), get.getResponses().getAPIResponses().keySet());
    assertNull(get.getResponses().getAPIResponse("200").getContent());
  }

  @Test
  void pathsAreWrittenAsTheDocumentWritesThem() {
    assertEquals("/beak/ponds", ResponseStatusFilter.path("/beak/ponds", ""));
    assertEquals(
        "/beak/ponds/{id}/ducks", ResponseStatusFilter.path("beak/ponds/", "/{id}/ducks/"));
    assertEquals("/v1/x/{n}", ResponseStatusFilter.path("/v1/x", "{n : [0-9]+}"));
  }
}
