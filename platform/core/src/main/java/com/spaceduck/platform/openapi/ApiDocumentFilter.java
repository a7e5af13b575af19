package com.spaceduck.platform.openapi;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.jboss.jandex.IndexView;

/**
 * What every service's OpenAPI document goes through at build time (smallrye-open-api-maven-plugin
 * names this filter in the parent pom): first {@link ResponseStatusFilter}, which needs the
 * operations' derived {@code 200} responses as SmallRye wrote them, then {@link PublicApiFilter},
 * which keeps the public paths and adds the shared problem responses next to them.
 */
public class ApiDocumentFilter implements OASFilter {

  private final IndexView index;

  /** SmallRye OpenAPI hands a filter with this constructor the index it scanned. */
  public ApiDocumentFilter(IndexView index) {
    this.index = index;
  }

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    new ResponseStatusFilter(index).filterOpenAPI(openAPI);
    new PublicApiFilter().filterOpenAPI(openAPI);
  }
}
