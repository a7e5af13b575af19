package com.spaceduck.identity.verification;

import com.spaceduck.platform.events.Rows;
import com.spaceduck.platform.sql.Database;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code notifications}: written in the caller's transaction, read by the mail/SMS sender. */
@ApplicationScoped
public class NotificationRepository {

  private static final Channel.Column CHANNEL = new Channel.Column();

  private static final String INSERT =
      "insert into notifications (id, channel, destination, subject, body, created_at, sent_at)"
          + " values ($1, $2, $3, $4, $5, $6, $7)";

  private final Database database;

  public NotificationRepository(Database database) {
    this.database = database;
  }

  public Uni<Void> insert(Notification notification) {
    return database
        .update(
            INSERT,
            Tuple.from(
                new Object[] {
                  notification.id,
                  CHANNEL.toColumn(notification.channel),
                  notification.destination,
                  notification.subject,
                  notification.body,
                  Rows.timestamptz(notification.createdAt),
                  Rows.timestamptz(notification.sentAt)
                }))
        .replaceWithVoid();
  }
}
