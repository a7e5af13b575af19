package com.spaceduck.gateway.routing;

/**
 * Which headers belong to one hop only. Checked for every header of every proxied request and
 * response, so the checks compare in place (by length first, then ignoring case) instead of
 * lower-casing each name into a new string for a set lookup.
 */
final class Hops {

  private Hops() {}

  /** RFC 9110 section 7.6.1, plus the old {@code Proxy-Connection}. */
  static boolean hopByHop(String name) {
    return switch (name.length()) {
      case 2 -> named(name, "TE");
      case 7 -> named(name, "Trailer") || named(name, "Upgrade");
      case 10 -> named(name, "Connection") || named(name, "Keep-Alive");
      case 16 -> named(name, "Proxy-Connection");
      case 17 -> named(name, "Transfer-Encoding");
      case 18 -> named(name, "Proxy-Authenticate");
      case 19 -> named(name, "Proxy-Authorization");
      default -> false;
    };
  }

  /** Headers the gateway writes itself; what a client sends under these names is not passed on. */
  static boolean gatewayOwned(String name) {
    return switch (name.length()) {
      case 4 -> named(name, "Host");
      case 9 -> named(name, "Forwarded");
      case 12 -> named(name, "X-Request-Id");
      case 15 -> named(name, "X-Forwarded-For");
      case 16 -> named(name, "X-Forwarded-Host");
      case 17 -> named(name, "X-Forwarded-Proto");
      default -> false;
    };
  }

  /** Headers only the edge may set (DESIGN.md): passed on from trusted proxies only. */
  static boolean edgeOnly(String name) {
    return named(name, "X-Geo-Country");
  }

  static boolean named(String name, String canonical) {
    return name.length() == canonical.length() && name.equalsIgnoreCase(canonical);
  }
}
