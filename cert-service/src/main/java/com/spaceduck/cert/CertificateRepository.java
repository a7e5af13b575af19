package com.spaceduck.cert;

import com.spaceduck.platform.contracts.TrustTier;
import com.spaceduck.platform.events.Rows;
import com.spaceduck.platform.sql.Database;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The {@code certificates} table and its tier history ({@code cert_tier_history}). Every lookup is
 * by primary key or by the unique {@code duckling_id}; each statement joins the caller's
 * transaction and goes to the pool when there is none (the public verify path has no transaction at
 * all).
 */
@ApplicationScoped
public class CertificateRepository {

  private static final String READ =
      "select cert_id, duckling_id, display_name, cert_status, trust_tier, issued_at, expires_at,"
          + " country, lambda_version, revoked_at from certificates where cert_id = $1";
  private static final String READ_WITH_CREDENTIAL =
      "select cert_id, duckling_id, display_name, cert_status, trust_tier, issued_at, expires_at,"
          + " country, lambda_version, revoked_at, credential from certificates where cert_id = $1";

  private static final String COLUMNS =
      "cert_id, duckling_id, display_name, cert_status, trust_tier, issued_at, expires_at,"
          + " country, lambda_version, revoked_at, revoked_reason, revoked_by, credential,"
          + " credential_kid, status_list, status_index";
  private static final String BY_DUCKLING =
      "select " + COLUMNS + " from certificates where duckling_id = $1";
  private static final String LOCK_BY_ID =
      "select " + COLUMNS + " from certificates where cert_id = $1 for update";
  private static final String LOCK_BY_DUCKLING =
      "select " + COLUMNS + " from certificates where duckling_id = $1 for update";
  private static final String INSERT =
      "insert into certificates ("
          + COLUMNS
          + ") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)";
  private static final String REVOKE =
      "update certificates set cert_status = $2, revoked_at = $3, revoked_reason = $4,"
          + " revoked_by = $5 where cert_id = $1";
  private static final String RETIER = "update certificates set trust_tier = $2 where cert_id = $1";
  private static final String CREDENTIAL =
      "update certificates set credential = $2, credential_kid = $3, status_list = $4,"
          + " status_index = $5 where cert_id = $1";
  private static final String TIER_CHANGE =
      "insert into cert_tier_history (id, cert_id, from_tier, to_tier, event_id, changed_at)"
          + " values ($1, $2, $3, $4, $5, $6)";

  private final Database database;

  public CertificateRepository(Database database) {
    this.database = database;
  }

  /**
   * The certificate with this id as a read-only snapshot, or null: one prepared primary-key SELECT
   * of the columns a public answer needs, straight on the pool (never in a transaction). The public
   * verify path uses it (bench/cert/RESULTS.md).
   */
  public Uni<Certificate> read(UUID certId) {
    return Rows.first(database.pool(), READ, Tuple.of(certId), CertificateRepository::snapshot);
  }

  /** Like {@link #read}, with the signed credential (null when none is signed yet). */
  public Uni<Certificate> readWithCredential(UUID certId) {
    return Rows.first(
        database.pool(), READ_WITH_CREDENTIAL, Tuple.of(certId), CertificateRepository::snapshot);
  }

  private static Certificate snapshot(Row row) {
    Certificate cert = new Certificate();
    cert.certId = row.getUUID("cert_id");
    cert.ducklingId = row.getUUID("duckling_id");
    cert.displayName = row.getString("display_name");
    cert.status = CertStatus.valueOf(row.getString("cert_status"));
    cert.trustTier = TrustTier.valueOf(row.getString("trust_tier"));
    cert.issuedAt = Rows.instant(row, "issued_at");
    cert.expiresAt = Rows.instant(row, "expires_at");
    cert.country = row.getString("country");
    cert.lambdaVersion = row.getString("lambda_version");
    cert.revokedAt = Rows.instant(row, "revoked_at");
    if (row.getColumnIndex("credential") >= 0) {
      cert.credential = row.getString("credential");
    }
    return cert;
  }

  /** The duckling's certificate, or null. */
  public Uni<Certificate> lookupByDuckling(UUID ducklingId) {
    return database.first(BY_DUCKLING, Tuple.of(ducklingId), CertificateRepository::certificate);
  }

  /** The certificate with this id, locked until the current transaction ends, or null. */
  public Uni<Certificate> lockById(UUID certId) {
    return database.first(LOCK_BY_ID, Tuple.of(certId), CertificateRepository::certificate);
  }

  /** The duckling's certificate, locked until the current transaction ends, or null. */
  public Uni<Certificate> lockByDuckling(UUID ducklingId) {
    return database.first(
        LOCK_BY_DUCKLING, Tuple.of(ducklingId), CertificateRepository::certificate);
  }

  /** Stores a new certificate with every field it has. */
  public Uni<Void> insert(Certificate cert) {
    return database
        .update(
            INSERT,
            Tuple.from(
                new Object[] {
                  cert.certId,
                  cert.ducklingId,
                  cert.displayName,
                  cert.status.name(),
                  cert.trustTier.name(),
                  Rows.timestamptz(cert.issuedAt),
                  Rows.timestamptz(cert.expiresAt),
                  cert.country,
                  cert.lambdaVersion,
                  Rows.timestamptz(cert.revokedAt),
                  cert.revokedReason,
                  cert.revokedBy,
                  cert.credential,
                  cert.credentialKid,
                  cert.statusList,
                  cert.statusIndex
                }))
        .replaceWithVoid();
  }

  /** Writes the certificate's status and revocation fields (status, when, why, by whom). */
  public Uni<Void> updateRevocation(Certificate cert) {
    return database
        .update(
            REVOKE,
            Tuple.of(
                cert.certId,
                cert.status.name(),
                Rows.timestamptz(cert.revokedAt),
                cert.revokedReason,
                cert.revokedBy))
        .replaceWithVoid();
  }

  /** Writes the certificate's trust tier. */
  public Uni<Void> updateTrustTier(Certificate cert) {
    return database.update(RETIER, Tuple.of(cert.certId, cert.trustTier.name())).replaceWithVoid();
  }

  /** Writes the certificate's signed credential, its key id and its status list entry. */
  public Uni<Void> updateCredential(Certificate cert) {
    return database
        .update(
            CREDENTIAL,
            Tuple.of(
                cert.certId,
                cert.credential,
                cert.credentialKid,
                cert.statusList,
                cert.statusIndex))
        .replaceWithVoid();
  }

  /** Adds a row to the tier history in the current transaction. */
  public Uni<Void> recordTierChange(TierChange change) {
    return database
        .update(
            TIER_CHANGE,
            Tuple.of(
                change.id,
                change.certId,
                change.fromTier == null ? null : change.fromTier.name(),
                change.toTier.name(),
                change.eventId,
                Rows.timestamptz(change.changedAt)))
        .replaceWithVoid();
  }

  private static Certificate certificate(Row row) {
    Certificate cert = snapshot(row);
    cert.revokedReason = row.getString("revoked_reason");
    cert.revokedBy = row.getUUID("revoked_by");
    cert.credentialKid = row.getString("credential_kid");
    cert.statusList = row.getInteger("status_list");
    cert.statusIndex = row.getInteger("status_index");
    return cert;
  }
}
