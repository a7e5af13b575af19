package com.spaceduck.identity.verification;

import io.smallrye.mutiny.Uni;

/**
 * Delivers messages to ducklings. Called inside the transaction that creates the code, so an
 * implementation that writes to the database commits (or rolls back) with it. The default, {@link
 * TableNotifier}, only records the message for a separate sender; replace it with an
 * {@code @Alternative} bean to send directly.
 */
public interface Notifier {

  Uni<Void> send(Channel channel, String destination, String subject, String body);
}
