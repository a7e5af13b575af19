package com.spaceduck.platform.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.jboss.jandex.Index;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.junit.jupiter.api.Test;

class ApiDocumentFilterTest {

  @Path("/beak/ponds")
  static class PondsResource {

    @POST
    @ResponseStatus(201)
    public Uni<String> create() {
      return null;
    }
  }

  @Test
  void aDocumentGetsItsSuccessStatusAndTheSharedProblemsAndKeepsOnlyThePublicApi()
      throws Exception {
    Operation create =
        OASFactory.createOperation()
            .responses(
                OASFactory.createAPIResponses()
                    .addAPIResponse("200", OASFactory.createAPIResponse().description("OK")));
    OpenAPI api =
        OASFactory.createOpenAPI()
            .paths(
                OASFactory.createPaths()
                    .addPathItem("/beak/ponds", OASFactory.createPathItem().POST(create))
                    .addPathItem(
                        "/internal/ponds",
                        OASFactory.createPathItem().GET(OASFactory.createOperation())));

    new ApiDocumentFilter(Index.of(PondsResource.class)).filterOpenAPI(api);

    assertEquals(
        List.of("201", "429", "500", "503"),
        List.copyOf(create.getResponses().getAPIResponses().keySet()));
    assertEquals(
        "#/components/schemas/" + PublicApiFilter.PROBLEM,
        create
            .getResponses()
            .getAPIResponse("429")
            .getContent()
            .getMediaType(PublicApiFilter.PROBLEM_MEDIA_TYPE)
            .getSchema()
            .getRef());
    assertNull(api.getPaths().getPathItem("/internal/ponds"));
  }
}
