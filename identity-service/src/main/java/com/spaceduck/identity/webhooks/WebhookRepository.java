package com.spaceduck.identity.webhooks;

import com.spaceduck.platform.events.Rows;
import com.spaceduck.platform.sql.Database;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The {@code webhook_subscriptions} table. */
@ApplicationScoped
public class WebhookRepository {

  private static final String COLUMNS =
      "id, duckling_id, url, events, description, enabled, ordered, secret, previous_secret,"
          + " previous_secret_expires_at, disabled_reason, disabled_at, failing_since,"
          + " next_sequence, created_at, updated_at";

  private static final String FIND_OWNED =
      "select " + COLUMNS + " from webhook_subscriptions where id = $1 and duckling_id = $2";

  private static final String LIST_OWNED =
      "select "
          + COLUMNS
          + " from webhook_subscriptions where duckling_id = $1"
          + " order by created_at, id";

  private static final String COUNT_OWNED =
      "select count(*) from webhook_subscriptions where duckling_id = $1";

  private static final String INSERT =
      "insert into webhook_subscriptions ("
          + COLUMNS
          + ") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)";

  // The owner's settings only: the sequence (the fan-out's), the failure marks (the delivery
  // worker's) and the secrets (rotation's) are left as they are in the row, except that enabling
  // ($7 true) clears the marks of an automatic switch-off; $7 null leaves enabled as it is.
  private static final String UPDATE_SETTINGS =
      "update webhook_subscriptions set url = $2, events = $3, description = $4, ordered = $5,"
          + " updated_at = $6, enabled = coalesce($7::boolean, enabled),"
          + " disabled_reason = case when $7::boolean then null else disabled_reason end,"
          + " disabled_at = case when $7::boolean then null else disabled_at end,"
          + " failing_since = case when $7::boolean then null else failing_since end"
          + " where id = $1";

  private static final String ROTATE_SECRET =
      "update webhook_subscriptions set secret = $2, previous_secret = $3,"
          + " previous_secret_expires_at = $4, updated_at = $5 where id = $1";

  private static final String DELETE = "delete from webhook_subscriptions where id = $1";

  private final Database database;

  public WebhookRepository(Database database) {
    this.database = database;
  }

  /** The subscription if it is the duckling's, otherwise null (another's is not there). */
  public Uni<WebhookSubscription> findOwned(UUID id, UUID ducklingId) {
    return database.first(FIND_OWNED, Tuple.of(id, ducklingId), WebhookRepository::subscription);
  }

  /** The duckling's subscriptions, oldest first. */
  public Uni<List<WebhookSubscription>> listOwned(UUID ducklingId) {
    return database.list(LIST_OWNED, Tuple.of(ducklingId), WebhookRepository::subscription);
  }

  public Uni<Long> countOwned(UUID ducklingId) {
    return database.count(COUNT_OWNED, Tuple.of(ducklingId));
  }

  public Uni<Void> insert(WebhookSubscription s) {
    return database
        .update(
            INSERT,
            Tuple.from(
                new Object[] {
                  s.id,
                  s.ducklingId,
                  s.url,
                  s.events,
                  s.description,
                  s.enabled,
                  s.ordered,
                  s.secret,
                  s.previousSecret,
                  Rows.timestamptz(s.previousSecretExpiresAt),
                  s.disabledReason,
                  Rows.timestamptz(s.disabledAt),
                  Rows.timestamptz(s.failingSince),
                  s.nextSequence,
                  Rows.timestamptz(s.createdAt),
                  Rows.timestamptz(s.updatedAt)
                }))
        .replaceWithVoid();
  }

  /**
   * Writes the owner's settings as {@code s} holds them: URL, events, description, order and the
   * time of the change; with {@code enabled} non-null also whether it is enabled (enabling clears
   * why and since when it was switched off, and since when it fails).
   */
  public Uni<Void> updateSettings(WebhookSubscription s, Boolean enabled) {
    return database
        .update(
            UPDATE_SETTINGS,
            Tuple.from(
                new Object[] {
                  s.id,
                  s.url,
                  s.events,
                  s.description,
                  s.ordered,
                  Rows.timestamptz(s.updatedAt),
                  enabled
                }))
        .replaceWithVoid();
  }

  /** Writes the secrets {@code s} holds after a rotation, and the time of the change. */
  public Uni<Void> rotateSecret(WebhookSubscription s) {
    return database
        .update(
            ROTATE_SECRET,
            Tuple.of(
                s.id,
                s.secret,
                s.previousSecret,
                Rows.timestamptz(s.previousSecretExpiresAt),
                Rows.timestamptz(s.updatedAt)))
        .replaceWithVoid();
  }

  /** Deletes the subscription; its messages go with it ({@code on delete cascade}). */
  public Uni<Void> delete(WebhookSubscription s) {
    return database.update(DELETE, Tuple.of(s.id)).replaceWithVoid();
  }

  private static WebhookSubscription subscription(Row row) {
    WebhookSubscription s = new WebhookSubscription();
    s.id = row.getUUID("id");
    s.ducklingId = row.getUUID("duckling_id");
    s.url = row.getString("url");
    s.events = row.getString("events");
    s.description = row.getString("description");
    s.enabled = row.getBoolean("enabled");
    s.ordered = row.getBoolean("ordered");
    s.secret = row.getString("secret");
    s.previousSecret = row.getString("previous_secret");
    s.previousSecretExpiresAt = Rows.instant(row, "previous_secret_expires_at");
    s.disabledReason = row.getString("disabled_reason");
    s.disabledAt = Rows.instant(row, "disabled_at");
    s.failingSince = Rows.instant(row, "failing_since");
    s.nextSequence = row.getLong("next_sequence");
    s.createdAt = Rows.instant(row, "created_at");
    s.updatedAt = Rows.instant(row, "updated_at");
    return s;
  }
}
