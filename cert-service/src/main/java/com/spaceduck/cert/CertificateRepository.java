package com.spaceduck.cert;

import com.spaceduck.platform.contracts.TrustTier;
import com.spaceduck.platform.events.Rows;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.UUID;

/**
 * Certificates and their tier history. Every lookup is by primary key or by the unique {@code
 * duckling_id}; each method joins the caller's session or transaction and opens a session only when
 * there is none (the public verify path has no transaction at all).
 */
@ApplicationScoped
public class CertificateRepository implements PanacheRepositoryBase<Certificate, UUID> {

  private static final String READ =
      "select cert_id, duckling_id, display_name, cert_status, trust_tier, issued_at, expires_at,"
          + " country, lambda_version, revoked_at from certificates where cert_id = $1";
  private static final String READ_WITH_CREDENTIAL =
      "select cert_id, duckling_id, display_name, cert_status, trust_tier, issued_at, expires_at,"
          + " country, lambda_version, revoked_at, credential from certificates where cert_id = $1";

  private final Pool pool;

  public CertificateRepository(Pool pool) {
    this.pool = pool;
  }

  /**
   * The certificate with this id as a read-only snapshot, or null: one prepared primary-key SELECT
   * straight on the reactive pool. The public verify path uses it; skipping the Hibernate session
   * (open, persistence context, close) for a row nobody changes is what keeps it near the raw
   * lookup's speed (bench/cert/RESULTS.md).
   */
  public Uni<Certificate> read(UUID certId) {
    return read(READ, certId);
  }

  /** Like {@link #read}, with the signed credential (null when none is signed yet). */
  public Uni<Certificate> readWithCredential(UUID certId) {
    return read(READ_WITH_CREDENTIAL, certId);
  }

  private Uni<Certificate> read(String sql, UUID certId) {
    return pool.preparedQuery(sql)
        .execute(Tuple.of(certId))
        .map(
            rows -> {
              RowIterator<Row> it = rows.iterator();
              return it.hasNext() ? snapshot(it.next()) : null;
            });
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
  @WithSession
  public Uni<Certificate> lookupByDuckling(UUID ducklingId) {
    return find("ducklingId", ducklingId).firstResult();
  }

  /** The certificate with this id, locked until the current transaction ends, or null. */
  public Uni<Certificate> lockById(UUID certId) {
    return findById(certId, LockModeType.PESSIMISTIC_WRITE);
  }

  /** The duckling's certificate, locked until the current transaction ends, or null. */
  public Uni<Certificate> lockByDuckling(UUID ducklingId) {
    return find("ducklingId", ducklingId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
  }

  /** Adds a row to the tier history in the current transaction. */
  public Uni<Void> recordTierChange(TierChange change) {
    return getSession().chain(session -> session.persist(change));
  }
}
