package com.spaceduck.identity.verification;

import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;

/**
 * Writes messages to the {@code notifications} table in the caller's transaction: an outbox for a
 * real mail/SMS sender, which picks up rows where {@code sent_at is null}, delivers them and marks
 * them. The body carries the code in clear because the sender must deliver it; the verification
 * table keeps only a hash.
 */
@ApplicationScoped
@DefaultBean
public class TableNotifier implements Notifier {

  private final NotificationRepository notifications;
  private final Clock clock;

  public TableNotifier(NotificationRepository notifications, Clock clock) {
    this.notifications = notifications;
    this.clock = clock;
  }

  @Override
  public Uni<Void> send(Channel channel, String destination, String subject, String body) {
    Notification notification = new Notification();
    notification.id = UUID.randomUUID();
    notification.channel = channel;
    notification.destination = destination;
    notification.subject = subject;
    notification.body = body;
    notification.createdAt = clock.instant();
    return notifications.insert(notification);
  }
}
