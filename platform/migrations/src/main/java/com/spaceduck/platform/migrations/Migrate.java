package com.spaceduck.platform.migrations;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URL;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;

/**
 * Migrates one service's database and exits: the command of the pods' {@code migrate} init
 * containers and of the scripts that start packaged services. Run it on the service's own class
 * path, so that its {@code db/migration} is found next to the platform's:
 *
 * <pre>
 * java -cp "quarkus-app/lib/main/*:quarkus-app/app/*" com.spaceduck.platform.migrations.Migrate
 * </pre>
 *
 * <p>Connection from {@code PGHOST}, {@code PGPORT}, {@code PGUSER}, {@code PGPASSWORD} (defaults
 * 127.0.0.1, 5432, postgres, none: the services' own); database from {@code SPACEDUCK_DATABASE},
 * else the {@code spaceduck.database} of the service's {@code application.properties} on the class
 * path. Prints one line per migration applied and the schema's version; exits 0 on success, 1 with
 * a one-line error (no stack trace) on failure, 2 on a usage error, so an init container fails
 * visibly.
 */
public final class Migrate {

  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  private Migrate() {}

  public static void main(String[] args) {
    System.exit(run(args, System.getenv(), System.out, System.err));
  }

  /** The command with its arguments: none are taken (everything comes from the environment). */
  static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    if (args.length > 0) {
      // An argument is a mistake (e.g. a JVM option placed after the class name), not
      // something to ignore.
      err.println(
          "migrate: takes no arguments (PGHOST, PGPORT, PGUSER, PGPASSWORD, SPACEDUCK_DATABASE"
              + " come from the environment), got: "
              + String.join(" ", args));
      return USAGE;
    }
    return run(env, out, err);
  }

  /** The whole command, with its environment and output streams given: returns the exit code. */
  static int run(Map<String, String> env, PrintStream out, PrintStream err) {
    // Flyway's own log says the same as the lines below, at length, through whatever logging
    // the service's jars hold (which is not set up outside Quarkus): only its warnings are kept,
    // one line each.
    WarningsOnly.target = err;
    String database;
    try {
      database = database(env);
    } catch (IllegalStateException e) {
      err.println("migrate: " + e.getMessage());
      return USAGE;
    }
    String host = value(env, "PGHOST", "127.0.0.1");
    String port = value(env, "PGPORT", "5432");
    String user = value(env, "PGUSER", "postgres");
    String password = value(env, "PGPASSWORD", "");
    String url = "jdbc:postgresql://" + host + ":" + port + "/" + database + "?connectTimeout=10";
    String where = database + " on " + host + ":" + port + " as " + user;
    out.println("migrate: " + where);
    try {
      Migrations.Report report =
          Migrations.migrate(
              url, user, password, Migrate.class.getClassLoader(), WarningsOnly.class.getName());
      for (Migrations.Applied applied : report.applied()) {
        out.println(
            "migrate: applied V"
                + applied.version()
                + " "
                + applied.description()
                + " ("
                + applied.millis()
                + " ms)");
      }
      out.println(
          "migrate: schema up to date at version "
              + (report.schemaVersion() == null ? "none" : report.schemaVersion())
              + " ("
              + report.applied().size()
              + " applied)");
      return OK;
    } catch (RuntimeException e) {
      err.println("migrate: failed on " + where + ": " + oneLine(e));
      return FAILED;
    }
  }

  /** A variable, or its default when unset or empty (as the services' ${PGHOST:127.0.0.1}). */
  private static String value(Map<String, String> env, String name, String fallback) {
    String value = env.get(name);
    return value == null || value.isEmpty() ? fallback : value;
  }

  /** SPACEDUCK_DATABASE, else spaceduck.database of the application.properties on the path. */
  static String database(Map<String, String> env) {
    String named = env.get("SPACEDUCK_DATABASE");
    if (named != null && !named.isBlank()) {
      return checked(named.trim());
    }
    try {
      for (URL url :
          Collections.list(Migrate.class.getClassLoader().getResources("application.properties"))) {
        Properties properties = new Properties();
        try (InputStream in = url.openStream()) {
          properties.load(in);
        }
        String value = properties.getProperty("spaceduck.database");
        if (value != null && !value.isBlank()) {
          return checked(value.trim());
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read application.properties: " + e.getMessage());
    }
    throw new IllegalStateException(
        "no database: set SPACEDUCK_DATABASE, or run with the service's jar on the class path"
            + " (its application.properties sets spaceduck.database)");
  }

  private static String checked(String database) {
    if (!database.matches("[A-Za-z0-9_]+")) {
      throw new IllegalStateException("not a database name: " + database);
    }
    return database;
  }

  /**
   * A failure on one line, without class names or stack trace: Flyway's summary (the part above its
   * dashed details), then the database's own words if the summary does not carry them.
   */
  static String oneLine(Throwable failure) {
    String summary =
        flat(failure.getMessage() == null ? "" : failure.getMessage().split("\\R-{3,}")[0]);
    String database = null;
    for (Throwable t = failure.getCause(); t != null && database == null; t = t.getCause()) {
      if (t instanceof SQLException && t.getMessage() != null) {
        database = flat(t.getMessage());
      }
    }
    if (summary.isEmpty()) {
      return database != null ? database : failure.getClass().getSimpleName();
    }
    return database == null || summary.contains(database) ? summary : summary + ": " + database;
  }

  private static String flat(String text) {
    return text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ").trim();
  }

  /**
   * Flyway's log, reduced to its warnings, one line each on the command's error stream (the failure
   * itself is reported once, by {@link #run}). Public, with a public constructor: Flyway
   * instantiates it by name ({@code loggers}).
   */
  public static final class WarningsOnly implements LogCreator {
    static volatile PrintStream target = System.err;

    public WarningsOnly() {}

    @Override
    public Log createLogger(Class<?> type) {
      return new Log() {
        @Override
        public boolean isDebugEnabled() {
          return false;
        }

        @Override
        public void debug(String message) {}

        @Override
        public void info(String message) {}

        @Override
        public void notice(String message) {}

        @Override
        public void warn(String message) {
          if (message != null && message.startsWith("outOfOrder mode is active")) {
            return; // by design: two independent series (see Migrations)
          }
          target.println("migrate: warning: " + flat(message));
        }

        @Override
        public void error(String message) {}

        @Override
        public void error(String message, Exception e) {}
      };
    }
  }
}
