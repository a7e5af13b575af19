package com.spaceduck.platform.migrations;

import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The schema migrations of a service's database, applied outside the service: a service ships
 * neither Flyway nor a JDBC driver at run time (they cost start-up time and memory only to migrate
 * once), so init containers, scripts ({@link Migrate}) and the tests apply them with this.
 *
 * <p>Two series are applied from the class path: the service's own ({@value #SERVICE_LOCATION}, V1,
 * V2, ...) and the platform's ({@value #PLATFORM_LOCATION}, V0.1, V0.2, ..., in this module). They
 * are independent series over different tables, so migrations run out of order: a platform
 * migration added later is applied to a database that already has newer service migrations. Every
 * run validates the applied migrations first (an edited applied migration fails), and holds
 * Flyway's lock, so concurrent runs take turns.
 */
public final class Migrations {

  /** The service's own migrations, in the service's jar. */
  public static final String SERVICE_LOCATION = "classpath:db/migration";

  /** The platform's migrations (outbox, stream recovery), in this module's jar. */
  public static final String PLATFORM_LOCATION = "classpath:db/platform";

  private Migrations() {}

  /** One migration applied by a run. */
  public record Applied(String version, String description, int millis) {}

  /**
   * What a run did: the migrations it applied, in order (empty when the schema was up to date), and
   * the schema's version afterwards (the highest applied, {@code null} for an empty schema).
   */
  public record Report(List<Applied> applied, String schemaVersion) {}

  /**
   * Applies the pending migrations found on the class path of this class to the database at {@code
   * jdbcUrl} ({@code jdbc:postgresql://host:port/database}) as {@code user}.
   */
  public static Report migrate(String jdbcUrl, String user, String password) {
    return migrate(jdbcUrl, user, password, Migrations.class.getClassLoader());
  }

  /** {@link #migrate(String, String, String)}, finding the migrations through {@code classes}. */
  public static Report migrate(String jdbcUrl, String user, String password, ClassLoader classes) {
    return migrate(jdbcUrl, user, password, classes, "auto");
  }

  /**
   * With Flyway's log going to {@code logger}: "auto" (whatever logging the class path has, as in
   * the tests), or the name of a {@link org.flywaydb.core.api.logging.LogCreator} class.
   */
  static Report migrate(
      String jdbcUrl, String user, String password, ClassLoader classes, String logger) {
    Flyway flyway =
        Flyway.configure(classes)
            .loggers(logger)
            .dataSource(jdbcUrl, user, password == null || password.isEmpty() ? null : password)
            .locations(SERVICE_LOCATION, PLATFORM_LOCATION)
            .outOfOrder(true)
            .cleanDisabled(true)
            .load();
    MigrateResult result = flyway.migrate();
    List<Applied> applied =
        result.migrations.stream()
            .map(m -> new Applied(m.version, m.description, m.executionTime))
            .toList();
    MigrationInfo current = flyway.info().current();
    String version =
        current == null || current.getVersion() == null ? null : current.getVersion().toString();
    return new Report(applied, version);
  }
}
