package com.spaceduck.platform.testing;

import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.net.URI;

/**
 * Requests to the management interface of the service under test: health and metrics, served on
 * their own port ({@code quarkus.management.test-port}, random in tests), never on the API port.
 */
public final class ManagementInterface {

  private ManagementInterface() {}

  /** A request to the management interface; paths start at its root, e.g. {@code /q/health}. */
  public static RequestSpecification management() {
    return RestAssured.given().baseUri(baseUri()).port(port());
  }

  private static URI uri() {
    return URI.create(TestHTTPResourceManager.getManagementUri());
  }

  private static String baseUri() {
    URI uri = uri();
    return uri.getScheme() + "://" + uri.getHost();
  }

  /** The port the management interface listens on in this test run. */
  public static int port() {
    return uri().getPort();
  }
}
