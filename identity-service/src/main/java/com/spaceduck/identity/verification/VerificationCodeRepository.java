package com.spaceduck.identity.verification;

import com.spaceduck.platform.events.Rows;
import com.spaceduck.platform.sql.Database;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** {@code verification_codes}. */
@ApplicationScoped
public class VerificationCodeRepository {

  private static final Channel.Column CHANNEL = new Channel.Column();

  private static final String COLUMNS =
      "id, duckling_id, channel, destination, code_hash, attempts, expires_at, consumed_at,"
          + " created_at";

  private static final String PENDING =
      "select "
          + COLUMNS
          + " from verification_codes"
          + " where duckling_id = $1 and channel = $2 and consumed_at is null"
          + " order by created_at desc limit 1 for update";

  private static final String DISCARD_PENDING =
      "delete from verification_codes"
          + " where duckling_id = $1 and channel = $2 and consumed_at is null";

  private static final String INSERT =
      "insert into verification_codes ("
          + COLUMNS
          + ") values ($1, $2, $3, $4, $5, $6, $7, $8, $9)";

  private static final String COUNT_WRONG_ATTEMPT =
      "update verification_codes set attempts = attempts + 1 where id = $1";

  private static final String CONSUME =
      "update verification_codes set consumed_at = $2 where id = $1";

  private final Database database;

  public VerificationCodeRepository(Database database) {
    this.database = database;
  }

  /**
   * The newest unconsumed code for the channel, locked for the check until the transaction ends, or
   * {@code null}.
   */
  public Uni<VerificationCode> pending(UUID ducklingId, Channel channel) {
    return database.first(
        PENDING, Tuple.of(ducklingId, CHANNEL.toColumn(channel)), VerificationCodeRepository::code);
  }

  /** Drops earlier unconsumed codes when a new one is sent: only the newest is valid. */
  public Uni<Long> discardPending(UUID ducklingId, Channel channel) {
    return database
        .update(DISCARD_PENDING, Tuple.of(ducklingId, CHANNEL.toColumn(channel)))
        .map(Integer::longValue);
  }

  public Uni<Void> insert(VerificationCode code) {
    return database
        .update(
            INSERT,
            Tuple.from(
                new Object[] {
                  code.id,
                  code.ducklingId,
                  CHANNEL.toColumn(code.channel),
                  code.destination,
                  code.codeHash,
                  code.attempts,
                  Rows.timestamptz(code.expiresAt),
                  Rows.timestamptz(code.consumedAt),
                  Rows.timestamptz(code.createdAt)
                }))
        .replaceWithVoid();
  }

  /** Counts one more wrong guess of the code. */
  public Uni<Void> countWrongAttempt(UUID codeId) {
    return database.update(COUNT_WRONG_ATTEMPT, Tuple.of(codeId)).replaceWithVoid();
  }

  /** Marks the code used, so it no longer counts as pending. */
  public Uni<Void> consume(UUID codeId, Instant at) {
    return database.update(CONSUME, Tuple.of(codeId, Rows.timestamptz(at))).replaceWithVoid();
  }

  private static VerificationCode code(Row row) {
    VerificationCode code = new VerificationCode();
    code.id = row.getUUID("id");
    code.ducklingId = row.getUUID("duckling_id");
    code.channel = CHANNEL.fromColumn(row.getString("channel"));
    code.destination = row.getString("destination");
    code.codeHash = row.getString("code_hash");
    code.attempts = row.getInteger("attempts");
    code.expiresAt = Rows.instant(row, "expires_at");
    code.consumedAt = Rows.instant(row, "consumed_at");
    code.createdAt = Rows.instant(row, "created_at");
    return code;
  }
}
