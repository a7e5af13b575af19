package com.spaceduck.platform.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The migrator against a throw-away database on the local PostgreSQL (PGHOST, PGPORT, PGUSER,
 * PGPASSWORD, as the services read them), dropped afterwards. The service's migrations are this
 * module's test resources (db/migration/V1__ponds.sql); the platform's are its own.
 */
class MigrationsTest {

  private static final String HOST = env("PGHOST", "127.0.0.1");
  private static final String PORT = env("PGPORT", "5432");
  private static final String USER = env("PGUSER", "postgres");
  private static final String PASSWORD = env("PGPASSWORD", "");

  private String database;

  @BeforeEach
  void createDatabase() throws SQLException {
    database =
        "sdtest_migrations_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection admin = connect("postgres");
        Statement sql = admin.createStatement()) {
      sql.execute("create database " + database);
    }
  }

  @AfterEach
  void dropDatabase() throws SQLException {
    try (Connection admin = connect("postgres");
        Statement sql = admin.createStatement()) {
      sql.execute("drop database if exists " + database + " with (force)");
    }
  }

  @Test
  void appliesThePlatformAndTheServiceMigrations() throws SQLException {
    Migrations.Report report = Migrations.migrate(url(), USER, PASSWORD);

    assertEquals(
        List.of("0.1", "0.2", "1"),
        report.applied().stream().map(Migrations.Applied::version).toList());
    assertEquals("1", report.schemaVersion());
    assertEquals(
        List.of("event_outbox", "event_relay_state", "ponds", "processed_events"), tables());
    assertEquals(
        List.of("0.1 event outbox true", "0.2 stream recovery true", "1 ponds true"), history());
  }

  @Test
  void aSecondRunIsANoOp() throws SQLException {
    Migrations.migrate(url(), USER, PASSWORD);
    List<String> before = history();

    Migrations.Report again = Migrations.migrate(url(), USER, PASSWORD);

    assertTrue(again.applied().isEmpty());
    assertEquals("1", again.schemaVersion());
    assertEquals(before, history());
  }

  @Test
  void aPlatformMigrationAddedLaterIsAppliedAfterNewerServiceMigrations() throws SQLException {
    // A build that had no platform migrations yet, then one that has them.
    Migrations.Report first = Migrations.migrate(url(), USER, PASSWORD, new Without("db/platform"));
    assertEquals(List.of("1"), first.applied().stream().map(Migrations.Applied::version).toList());

    Migrations.Report second = Migrations.migrate(url(), USER, PASSWORD);

    assertEquals(
        List.of("0.1", "0.2"), second.applied().stream().map(Migrations.Applied::version).toList());
    assertTrue(tables().contains("event_outbox"));
  }

  @Test
  void theCommandPrintsEachMigrationAndTheVersionAndExitsZero() {
    Output output = new Output();

    int exit = Migrate.run(environment(PORT, database), output.out, output.err);

    assertEquals(Migrate.OK, exit, output.err());
    List<String> lines = output.out().lines().toList();
    assertEquals("migrate: " + database + " on " + HOST + ":" + PORT + " as " + USER, lines.get(0));
    assertTrue(lines.get(1).startsWith("migrate: applied V0.1 event outbox ("), lines.get(1));
    assertTrue(lines.get(2).startsWith("migrate: applied V0.2 stream recovery ("), lines.get(2));
    assertTrue(lines.get(3).startsWith("migrate: applied V1 ponds ("), lines.get(3));
    assertEquals("migrate: schema up to date at version 1 (3 applied)", lines.get(4));
    assertEquals(5, lines.size());
    assertEquals("", output.err());

    Output again = new Output();
    assertEquals(Migrate.OK, Migrate.run(environment(PORT, database), again.out, again.err));
    assertEquals(
        List.of(
            "migrate: " + database + " on " + HOST + ":" + PORT + " as " + USER,
            "migrate: schema up to date at version 1 (0 applied)"),
        again.out().lines().toList());
  }

  @Test
  void anUnreachableDatabaseIsANonZeroExitWithOneLine() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    Output output = new Output();

    int exit = Migrate.run(environment(String.valueOf(closed), database), output.out, output.err);

    assertEquals(Migrate.FAILED, exit);
    List<String> lines = output.err().lines().toList();
    assertEquals(1, lines.size(), output.err());
    assertTrue(
        lines.get(0).startsWith("migrate: failed on " + database + " on " + HOST + ":" + closed),
        lines.get(0));
    assertTrue(lines.get(0).contains("refused"), lines.get(0));
    assertFalse(lines.get(0).contains("Exception"), lines.get(0));
  }

  @Test
  void aMigrationThatFailsIsANonZeroExitNamingIt() throws SQLException {
    Migrations.migrate(url(), USER, PASSWORD, new Without("db/migration"));
    try (Connection db = connect(database);
        Statement sql = db.createStatement()) {
      // What V1 creates exists already, unrecorded: V1 fails.
      sql.execute("create table ponds (id int)");
    }
    Output output = new Output();

    int exit = Migrate.run(environment(PORT, database), output.out, output.err);

    assertEquals(Migrate.FAILED, exit);
    List<String> lines = output.err().lines().toList();
    assertEquals(1, lines.size(), output.err());
    assertTrue(lines.get(0).contains("V1__ponds.sql"), lines.get(0));
    assertTrue(lines.get(0).contains("already exists"), lines.get(0));
  }

  @Test
  void theDatabaseIsNamedByTheEnvironmentElseByTheServicesProperties() {
    assertEquals("sync", Migrate.database(Map.of("SPACEDUCK_DATABASE", "sync")));
    assertEquals("ponds", Migrate.database(Map.of()));
    assertThrows(
        IllegalStateException.class,
        () -> Migrate.database(Map.of("SPACEDUCK_DATABASE", "sync; drop table x")));

    Output output = new Output();
    assertEquals(
        Migrate.USAGE,
        Migrate.run(Map.of("SPACEDUCK_DATABASE", "no-such name"), output.out, output.err));
    assertEquals("migrate: not a database name: no-such name\n", output.err());

    Output arguments = new Output();
    assertEquals(
        Migrate.USAGE,
        Migrate.run(new String[] {"-Xmx128m"}, Map.of(), arguments.out, arguments.err));
    assertTrue(arguments.err().startsWith("migrate: takes no arguments"), arguments.err());
    assertEquals("", arguments.out());
  }

  private Map<String, String> environment(String port, String name) {
    Map<String, String> env = new HashMap<>();
    env.put("PGHOST", HOST);
    env.put("PGPORT", port);
    env.put("PGUSER", USER);
    env.put("PGPASSWORD", PASSWORD);
    env.put("SPACEDUCK_DATABASE", name);
    return env;
  }

  private List<String> tables() throws SQLException {
    return strings(
        "select table_name from information_schema.tables where table_schema = 'public'"
            + " and table_name <> 'flyway_schema_history' order by table_name");
  }

  private List<String> history() throws SQLException {
    return strings(
        "select version || ' ' || description || ' ' || success from flyway_schema_history"
            + " order by installed_rank");
  }

  private List<String> strings(String query) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection db = connect(database);
        Statement sql = db.createStatement();
        ResultSet rows = sql.executeQuery(query)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }

  private String url() {
    return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
  }

  private static Connection connect(String name) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", USER);
    if (!PASSWORD.isEmpty()) {
      properties.setProperty("password", PASSWORD);
    }
    return DriverManager.getConnection(
        "jdbc:postgresql://" + HOST + ":" + PORT + "/" + name, properties);
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isEmpty() ? fallback : value;
  }

  /** This class path without one folder of resources (a build that did not have it yet). */
  private static final class Without extends ClassLoader {
    private final String hidden;

    Without(String hidden) {
      super(MigrationsTest.class.getClassLoader());
      this.hidden = hidden;
    }

    @Override
    public URL getResource(String name) {
      return name.startsWith(hidden) ? null : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
      return name.startsWith(hidden) ? Collections.emptyEnumeration() : super.getResources(name);
    }
  }

  private static final class Output {
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    String out() {
      return outBytes.toString(StandardCharsets.UTF_8);
    }

    String err() {
      return errBytes.toString(StandardCharsets.UTF_8);
    }
  }
}
