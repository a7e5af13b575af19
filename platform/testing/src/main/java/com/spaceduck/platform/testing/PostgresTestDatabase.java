package com.spaceduck.platform.testing;

import com.spaceduck.platform.migrations.Migrations;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.postgresql.Driver;

/**
 * A throw-away database per test run: creates a uniquely named database on the local PostgreSQL,
 * migrates it as an init container migrates a pod's ({@link Migrations}: the service's {@code
 * db/migration} on the test's class path and the platform's {@code db/platform}; the service itself
 * has no Flyway), points the service at it, gives the run its own event stream on the local Redis,
 * and drops both afterwards. Databases that an aborted run left behind are dropped once they are a
 * few hours old.
 *
 * <p>Put {@code @WithTestResource(PostgresTestDatabase.class)} on every {@code @QuarkusTest} class
 * of a service: classes with the same resources share one application and one database.
 */
public class PostgresTestDatabase implements QuarkusTestResourceLifecycleManager {

  private static final String PREFIX = "sdtest_";
  private static final Duration ABANDONED_AFTER = Duration.ofHours(6);

  private static volatile String currentDatabase;
  private static volatile String currentStream;

  private final boolean migrate;
  private String database;
  private String stream;

  /** A database migrated from the test's class path (what a service module's tests need). */
  public PostgresTestDatabase() {
    this(true);
  }

  private PostgresTestDatabase(boolean migrate) {
    this.migrate = migrate;
  }

  /**
   * A database left empty, for a test that migrates it with a packaged service's own migrator, as
   * its init container would (system-tests: several services' migrations are on its class path, and
   * none of them is the one to apply to every database).
   */
  public static PostgresTestDatabase unmigrated() {
    return new PostgresTestDatabase(false);
  }

  @Override
  public Map<String, String> start() {
    database =
        PREFIX
            + Instant.now().getEpochSecond()
            + "_"
            + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xffffff));
    stream = "sdtest:" + database + ":events";
    try (Connection admin = adminConnection();
        Statement sql = admin.createStatement()) {
      dropAbandoned(sql);
      sql.execute("create database " + database);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Cannot create a test database on PostgreSQL at "
              + LocalServices.pgHost()
              + ":"
              + LocalServices.pgPort()
              + " as "
              + LocalServices.pgUser()
              + " (set PGHOST, PGPORT, PGUSER, PGPASSWORD): "
              + e.getMessage(),
          e);
    }
    currentDatabase = database;
    currentStream = stream;
    if (migrate) {
      migrate();
    }
    String hostPort = LocalServices.pgHost() + ":" + LocalServices.pgPort();
    Map<String, String> config = new HashMap<>();
    config.put("quarkus.datasource.reactive.url", "postgresql://" + hostPort + "/" + database);
    config.put("quarkus.datasource.username", LocalServices.pgUser());
    config.put("quarkus.datasource.password", LocalServices.pgPassword());
    config.put(
        "quarkus.redis.hosts",
        "redis://" + LocalServices.redisHost() + ":" + LocalServices.redisPort());
    config.put("spaceduck.events.stream", stream);
    return config;
  }

  /**
   * Applies the migrations of the test's class path, as the service's init container would: a
   * service module's tests see its {@code db/migration} and the platform's.
   */
  private void migrate() {
    try {
      String url =
          "jdbc:postgresql://"
              + LocalServices.pgHost()
              + ":"
              + LocalServices.pgPort()
              + "/"
              + database;
      Migrations.migrate(url, LocalServices.pgUser(), LocalServices.pgPassword(), classLoader());
    } catch (RuntimeException e) {
      stop();
      throw new IllegalStateException(
          "Cannot migrate the test database " + database + ": " + e.getMessage(), e);
    }
  }

  private static ClassLoader classLoader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : PostgresTestDatabase.class.getClassLoader();
  }

  /** The database's name (for a test that migrates it with a packaged service's migrator). */
  public String database() {
    if (database == null) {
      throw new IllegalStateException("The test database is not started");
    }
    return database;
  }

  @Override
  public void stop() {
    if (database == null) {
      return;
    }
    try (Connection admin = adminConnection();
        Statement sql = admin.createStatement()) {
      sql.execute("drop database if exists " + database + " with (force)");
    } catch (SQLException e) {
      // The next run drops it once it counts as abandoned.
    }
    LocalRedis.delete(stream);
    currentStream = null;
    currentDatabase = null;
  }

  /** The JDBC URL of the running test database, for tests that inspect rows directly. */
  public static String jdbcUrl() {
    if (currentDatabase == null) {
      throw new IllegalStateException("No test database is running");
    }
    return "jdbc:postgresql://"
        + LocalServices.pgHost()
        + ":"
        + LocalServices.pgPort()
        + "/"
        + currentDatabase;
  }

  /** The event stream of the running test (its key on the local Redis). */
  public static String stream() {
    if (currentStream == null) {
      throw new IllegalStateException("No test database is running");
    }
    return currentStream;
  }

  /** A JDBC connection to the running test database. */
  public static Connection connect() throws SQLException {
    return open(jdbcUrl());
  }

  private static Connection adminConnection() throws SQLException {
    return open(
        "jdbc:postgresql://" + LocalServices.pgHost() + ":" + LocalServices.pgPort() + "/postgres");
  }

  /**
   * Through the driver itself, not DriverManager: each Quarkus test profile loads this class and
   * the driver anew, and DriverManager only offers a caller the drivers its own class loader
   * registered (the services have no JDBC extension that would register it at every start).
   */
  private static Connection open(String url) throws SQLException {
    return new Driver().connect(url, credentials());
  }

  private static Properties credentials() {
    Properties properties = new Properties();
    properties.setProperty("user", LocalServices.pgUser());
    if (!LocalServices.pgPassword().isEmpty()) {
      properties.setProperty("password", LocalServices.pgPassword());
    }
    properties.setProperty("connectTimeout", "5");
    return properties;
  }

  private static void dropAbandoned(Statement sql) throws SQLException {
    long cutoff = Instant.now().minus(ABANDONED_AFTER).getEpochSecond();
    List<String> abandoned = new ArrayList<>();
    try (ResultSet rows =
        sql.executeQuery("select datname from pg_database where datname like 'sdtest\\_%'")) {
      while (rows.next()) {
        String name = rows.getString(1);
        String[] parts = name.split("_");
        if (parts.length == 3 && parts[1].matches("\\d+") && Long.parseLong(parts[1]) < cutoff) {
          abandoned.add(name);
        }
      }
    }
    for (String name : abandoned) {
      sql.execute("drop database if exists " + name + " with (force)");
    }
  }
}
