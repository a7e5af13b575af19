package com.spaceduck.gateway.support;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Client addresses for the limit tests, which the trusted peer (the test client on 127.0.0.1)
 * vouches for in {@code X-Forwarded-For}. Each fresh address is used by no other test of the run,
 * whatever its class, so no test meets another's bucket.
 */
public final class TestClients {

  private static final AtomicInteger NEXT = new AtomicInteger(1);

  private TestClients() {}

  /** An address in 10.0.0.0/8 that no other test uses. */
  public static String fresh() {
    int n = NEXT.getAndIncrement();
    return "10." + (n / 65536 % 256) + "." + (n / 256 % 256) + "." + (n % 256);
  }

  /** A /48 in the IPv6 documentation range that no other test uses, as {@code 2001:db8:N}. */
  public static String freshV6Site() {
    return "2001:db8:" + Integer.toHexString(NEXT.getAndIncrement());
  }

  /** A request sent on behalf of the client at this address. */
  public static RequestSpecification from(String client) {
    return RestAssured.given().header("X-Forwarded-For", client);
  }
}
