package com.spaceduck.identity;

import com.spaceduck.platform.contracts.TrustTier;
import com.spaceduck.platform.events.Rows;
import com.spaceduck.platform.sql.Database;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** The {@code ducklings} table. */
@ApplicationScoped
public class DucklingRepository {

  private static final String COLUMNS =
      "id, email, email_domain, display_name, password_hash, trust_tier, country,"
          + " email_verified_at, phone, phone_verified_at, created_at";

  private final Database database;

  public DucklingRepository(Database database) {
    this.database = database;
  }

  /** By normalised email, or {@code null}. */
  public Uni<Duckling> findByEmail(String email) {
    return database.first(
        "select " + COLUMNS + " from ducklings where email = $1",
        Tuple.of(email),
        DucklingRepository::duckling);
  }

  /** By id, or {@code null}. */
  public Uni<Duckling> findDuckling(UUID id) {
    return database.first(
        "select " + COLUMNS + " from ducklings where id = $1",
        Tuple.of(id),
        DucklingRepository::duckling);
  }

  /**
   * By id, locked until the current transaction ends ({@code for update}), or {@code null}: for a
   * read that decides a write.
   */
  public Uni<Duckling> lockDuckling(UUID id) {
    return database.first(
        "select " + COLUMNS + " from ducklings where id = $1 for update",
        Tuple.of(id),
        DucklingRepository::duckling);
  }

  public Uni<Boolean> emailTaken(String email) {
    return database
        .first("select 1 from ducklings where email = $1", Tuple.of(email), row -> true)
        .map(found -> found != null);
  }

  public Uni<Void> insert(Duckling duckling) {
    return database
        .update(
            "insert into ducklings ("
                + COLUMNS
                + ") values ($1, $2, $3, $4, $5, $6, $7, $8, $9,"
                + " $10, $11)",
            Tuple.from(
                new Object[] {
                  duckling.id,
                  duckling.email,
                  duckling.emailDomain,
                  duckling.displayName,
                  duckling.passwordHash,
                  duckling.trustTier.name(),
                  duckling.country,
                  Rows.timestamptz(duckling.emailVerifiedAt),
                  duckling.phone,
                  Rows.timestamptz(duckling.phoneVerifiedAt),
                  Rows.timestamptz(duckling.createdAt)
                }))
        .replaceWithVoid();
  }

  public Uni<Void> updateTrustTier(UUID id, TrustTier tier) {
    return database
        .update("update ducklings set trust_tier = $2 where id = $1", Tuple.of(id, tier.name()))
        .replaceWithVoid();
  }

  public Uni<Void> markEmailVerified(UUID id, Instant at) {
    return database
        .update(
            "update ducklings set email_verified_at = $2 where id = $1",
            Tuple.of(id, Rows.timestamptz(at)))
        .replaceWithVoid();
  }

  /** Records {@code phone} as the duckling's verified number. */
  public Uni<Void> markPhoneVerified(UUID id, String phone, Instant at) {
    return database
        .update(
            "update ducklings set phone = $2, phone_verified_at = $3 where id = $1",
            Tuple.of(id, phone, Rows.timestamptz(at)))
        .replaceWithVoid();
  }

  private static Duckling duckling(Row row) {
    Duckling duckling = new Duckling();
    duckling.id = row.getUUID("id");
    duckling.email = row.getString("email");
    duckling.emailDomain = row.getString("email_domain");
    duckling.displayName = row.getString("display_name");
    duckling.passwordHash = row.getString("password_hash");
    duckling.trustTier = TrustTier.valueOf(row.getString("trust_tier"));
    duckling.country = row.getString("country");
    duckling.emailVerifiedAt = Rows.instant(row, "email_verified_at");
    duckling.phone = row.getString("phone");
    duckling.phoneVerifiedAt = Rows.instant(row, "phone_verified_at");
    duckling.createdAt = Rows.instant(row, "created_at");
    return duckling;
  }
}
