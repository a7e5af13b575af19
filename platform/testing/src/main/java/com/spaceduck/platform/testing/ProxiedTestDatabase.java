package com.spaceduck.platform.testing;

import java.util.HashMap;
import java.util.Map;

/**
 * {@link PostgresTestDatabase}, with the service reaching PostgreSQL and Redis through {@link
 * TcpProxy}s the test can cut and restore.
 */
public class ProxiedTestDatabase extends PostgresTestDatabase {

  private static volatile TcpProxy postgres;
  private static volatile TcpProxy redis;

  @Override
  public Map<String, String> start() {
    Map<String, String> config = new HashMap<>(super.start());
    postgres = TcpProxy.to(LocalServices.pgHost(), LocalServices.pgPort());
    redis = TcpProxy.to(LocalServices.redisHost(), LocalServices.redisPort());
    String database = jdbcUrl().substring(jdbcUrl().lastIndexOf('/') + 1);
    String proxied = "127.0.0.1:" + postgres.port() + "/" + database;
    config.put("quarkus.datasource.reactive.url", "postgresql://" + proxied);
    config.put("quarkus.redis.hosts", "redis://127.0.0.1:" + redis.port());
    return config;
  }

  @Override
  public void stop() {
    if (postgres != null) {
      postgres.close();
    }
    if (redis != null) {
      redis.close();
    }
    super.stop();
  }

  /** The relay in front of PostgreSQL. */
  public static TcpProxy postgres() {
    return postgres;
  }

  /** The relay in front of Redis. */
  public static TcpProxy redis() {
    return redis;
  }
}
