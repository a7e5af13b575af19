package com.spaceduck.identity.webhooks;

import com.spaceduck.platform.events.Rows;
import com.spaceduck.platform.sql.Database;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The {@code webhook_messages} table, as the owner's API and the fan-out use it. */
@ApplicationScoped
public class WebhookMessageRepository {

  // One statement: take a sequence number from each matching subscription and write its message.
  // The subscriptions are locked in id order: events handled concurrently for the same duckling
  // then queue for its rows instead of deadlocking over them.
  private static final String FAN_OUT =
      "with matching as ("
          + " select id from webhook_subscriptions"
          + " where duckling_id in ($1, $2) and enabled and (',' || events || ',') like $3"
          + " order by id for update),"
          + " subs as ("
          + " update webhook_subscriptions s set next_sequence = s.next_sequence + 1"
          + " from matching where s.id = matching.id"
          + " returning s.id, s.next_sequence - 1 as seq)"
          + " insert into webhook_messages (id, subscription_id, sequence, event_id, event_type,"
          + " payload, status, attempts, next_attempt_at, created_at)"
          + " select gen_random_uuid(), id, seq, $4, $5, $6, 'pending', 0, $7, $7 from subs"
          + " on conflict do nothing";

  private static final String COLUMNS =
      "id, subscription_id, sequence, event_id, event_type, payload, status, attempts,"
          + " next_attempt_at, last_attempt_at, last_status, last_response, last_error,"
          + " created_at, delivered_at";

  private static final String NEWEST_FIRST =
      "select "
          + COLUMNS
          + " from webhook_messages where subscription_id = $1"
          + " order by created_at desc, sequence desc limit $2 offset $3";

  private static final String FIND_IN =
      "select " + COLUMNS + " from webhook_messages where id = $1 and subscription_id = $2";

  private static final String DUE_AGAIN =
      "update webhook_messages set status = $2, next_attempt_at = $3 where id = $1";

  private static final String REPLAY =
      "update webhook_messages set status = 'pending', next_attempt_at = $3, attempts = 0"
          + " where subscription_id = $1 and created_at >= $2";

  private final Database database;

  public WebhookMessageRepository(Database database) {
    this.database = database;
  }

  /**
   * Writes one pending message of the event per enabled subscription of {@code ducklings} (one or
   * two) that wants {@code eventType}, each with its subscription's next sequence number; an event
   * already written for a subscription is not written again. Runs in the current transaction, if
   * any (the event consumer's). How many messages were written.
   */
  public Uni<Integer> fanOut(
      List<UUID> ducklings, UUID eventId, String eventType, String payload, Instant now) {
    UUID first = ducklings.get(0);
    UUID second = ducklings.size() > 1 ? ducklings.get(1) : first;
    return database.update(
        FAN_OUT,
        Tuple.from(
            new Object[] {
              first,
              second,
              "%," + eventType + ",%",
              eventId,
              eventType,
              payload,
              Rows.timestamptz(now)
            }));
  }

  /** Up to {@code limit} of a subscription's messages from {@code offset}, newest first. */
  public Uni<List<WebhookMessage>> newestFirst(UUID subscriptionId, int offset, int limit) {
    return database.list(
        NEWEST_FIRST,
        Tuple.of(subscriptionId, (long) limit, (long) offset),
        WebhookMessageRepository::message);
  }

  /** The message if it is the subscription's, otherwise {@code null}. */
  public Uni<WebhookMessage> findIn(UUID subscriptionId, UUID messageId) {
    return database.first(
        FIND_IN, Tuple.of(messageId, subscriptionId), WebhookMessageRepository::message);
  }

  /** Writes the status and next attempt {@code m} holds: for a retry the owner asked for. */
  public Uni<Void> dueAgain(WebhookMessage m) {
    return database
        .update(DUE_AGAIN, Tuple.of(m.id, m.status, Rows.timestamptz(m.nextAttemptAt)))
        .replaceWithVoid();
  }

  /** Makes every message since {@code since} due again now; how many. */
  public Uni<Integer> replay(UUID subscriptionId, Instant since, Instant now) {
    return database.update(
        REPLAY, Tuple.of(subscriptionId, Rows.timestamptz(since), Rows.timestamptz(now)));
  }

  private static WebhookMessage message(Row row) {
    WebhookMessage m = new WebhookMessage();
    m.id = row.getUUID("id");
    m.subscriptionId = row.getUUID("subscription_id");
    m.sequence = row.getLong("sequence");
    m.eventId = row.getUUID("event_id");
    m.eventType = row.getString("event_type");
    m.payload = row.getString("payload");
    m.status = row.getString("status");
    m.attempts = row.getInteger("attempts");
    m.nextAttemptAt = Rows.instant(row, "next_attempt_at");
    m.lastAttemptAt = Rows.instant(row, "last_attempt_at");
    m.lastStatus = row.getInteger("last_status");
    m.lastResponse = row.getString("last_response");
    m.lastError = row.getString("last_error");
    m.createdAt = Rows.instant(row, "created_at");
    m.deliveredAt = Rows.instant(row, "delivered_at");
    return m;
  }
}
