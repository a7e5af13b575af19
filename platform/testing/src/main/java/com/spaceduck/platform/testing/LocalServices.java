package com.spaceduck.platform.testing;

import java.net.URI;

/**
 * Where the local PostgreSQL and Redis are, from the same environment variables the services and
 * scripts read: libpq's {@code PGHOST}, {@code PGPORT}, {@code PGUSER}, {@code PGPASSWORD}, and
 * {@code REDIS_URL} ({@code redis://host:port}).
 */
public final class LocalServices {

  private LocalServices() {}

  public static String pgHost() {
    return env("PGHOST", "127.0.0.1");
  }

  public static int pgPort() {
    return Integer.parseInt(env("PGPORT", "5432"));
  }

  public static String pgUser() {
    return env("PGUSER", "postgres");
  }

  public static String pgPassword() {
    return env("PGPASSWORD", "");
  }

  public static String redisHost() {
    return redisUri().getHost();
  }

  public static int redisPort() {
    int port = redisUri().getPort();
    return port < 0 ? 6379 : port;
  }

  private static URI redisUri() {
    return URI.create(env("REDIS_URL", "redis://127.0.0.1:6379"));
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
