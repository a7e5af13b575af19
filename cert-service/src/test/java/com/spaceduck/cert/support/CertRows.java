package com.spaceduck.cert.support;

import com.spaceduck.platform.testing.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Certificate rows written and read directly in the test database, for tests that own them. */
public final class CertRows {

  private CertRows() {}

  /** A row to insert; {@link #issued} gives sensible values to adjust. */
  public static final class Row {
    public UUID certId = UUID.randomUUID();
    public UUID ducklingId = UUID.randomUUID();
    public String displayName = "Jane Doe";
    public String status = "ISSUED";
    public String tier = "T0";
    public Instant issuedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    public Instant expiresAt = issuedAt.plus(Duration.ofDays(365));
    public String country = "NZ";
    public Instant revokedAt;

    public Row name(String name) {
      this.displayName = name;
      return this;
    }

    public Row status(String status) {
      this.status = status;
      return this;
    }

    public Row tier(String tier) {
      this.tier = tier;
      return this;
    }

    public Row owner(UUID duckling) {
      this.ducklingId = duckling;
      return this;
    }

    public Row expiresAt(Instant at) {
      this.expiresAt = at;
      return this;
    }

    public Row revokedAt(Instant at) {
      this.status = "REVOKED";
      this.revokedAt = at;
      return this;
    }

    public Row draft() {
      this.status = "DRAFT";
      this.issuedAt = null;
      this.expiresAt = null;
      return this;
    }

    /** Inserts the row; its cert id. */
    public UUID insert() {
      try (Connection db = PostgresTestDatabase.connect();
          PreparedStatement insert =
              db.prepareStatement(
                  "insert into certificates (cert_id, duckling_id, display_name, cert_status,"
                      + " trust_tier, issued_at, expires_at, country, lambda_version, revoked_at,"
                      + " revoked_reason) values (?, ?, ?, ?, ?, ?, ?, ?, 'test', ?, ?)")) {
        insert.setObject(1, certId);
        insert.setObject(2, ducklingId);
        insert.setString(3, displayName);
        insert.setString(4, status);
        insert.setString(5, tier);
        insert.setTimestamp(6, timestamp(issuedAt));
        insert.setTimestamp(7, timestamp(expiresAt));
        insert.setString(8, country);
        insert.setTimestamp(9, timestamp(revokedAt));
        insert.setString(10, revokedAt == null ? null : "fixture");
        insert.executeUpdate();
        return certId;
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** An ISSUED T0 certificate valid for a year, for a fresh duckling. */
  public static Row issued() {
    return new Row();
  }

  /** A column of the duckling's certificate, or null when it has none. */
  public static String column(UUID ducklingId, String column) {
    List<String> values =
        strings("select " + column + "::text from certificates where duckling_id = ?", ducklingId);
    return values.isEmpty() ? null : values.get(0);
  }

  /** A timestamp column of the duckling's certificate, or null. */
  public static Instant instant(UUID ducklingId, String column) {
    try (Connection db = PostgresTestDatabase.connect();
        PreparedStatement query =
            db.prepareStatement("select " + column + " from certificates where duckling_id = ?")) {
      query.setObject(1, ducklingId);
      try (ResultSet rows = query.executeQuery()) {
        if (!rows.next()) {
          return null;
        }
        Timestamp at = rows.getTimestamp(1);
        return at == null ? null : at.toInstant();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Changes a certificate's tier behind the service's back (as if re-tiered elsewhere). */
  public static void setTier(UUID certId, String tier) {
    update("update certificates set trust_tier = ? where cert_id = ?", tier, certId);
  }

  /** Runs an update with these parameters; the number of rows changed. */
  public static int update(String sql, Object... parameters) {
    try (Connection db = PostgresTestDatabase.connect();
        PreparedStatement update = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        update.setObject(i + 1, parameters[i]);
      }
      return update.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** How many certificates the duckling has. */
  public static int count(UUID ducklingId) {
    return strings("select cert_id::text from certificates where duckling_id = ?", ducklingId)
        .size();
  }

  /** The tier history of a certificate as {@code from->to}, oldest first. */
  public static List<String> tierHistory(UUID certId) {
    return strings(
        "select coalesce(from_tier, '-') || '->' || to_tier from cert_tier_history"
            + " where cert_id = ? order by changed_at, to_tier",
        certId);
  }

  /** Whether the consumer recorded the event as applied. */
  public static boolean processed(UUID eventId) {
    return !strings("select event_id::text from processed_events where event_id = ?", eventId)
        .isEmpty();
  }

  private static List<String> strings(String sql, UUID parameter) {
    try (Connection db = PostgresTestDatabase.connect();
        PreparedStatement query = db.prepareStatement(sql)) {
      query.setObject(1, parameter);
      List<String> values = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          values.add(rows.getString(1));
        }
      }
      return values;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Timestamp timestamp(Instant at) {
    return at == null ? null : Timestamp.from(at);
  }
}
