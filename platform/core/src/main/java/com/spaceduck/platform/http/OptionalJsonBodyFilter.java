package com.spaceduck.platform.http;

import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/** Applies {@link OptionalJsonBody}. */
@Provider
@OptionalJsonBody
public class OptionalJsonBodyFilter implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    if (withoutBody(request)) {
      request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
    } else if (!MediaType.APPLICATION_JSON_TYPE.isCompatible(request.getMediaType())) {
      throw new NotSupportedException();
    }
  }

  private static boolean withoutBody(ContainerRequestContext request) {
    String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    if (length != null) {
      return length.strip().equals("0");
    }
    return request.getHeaderString("Transfer-Encoding") == null;
  }
}
