package com.spaceduck.identity.verification;

import java.time.Instant;
import java.util.UUID;

/** An outgoing message, a row of {@code notifications} (the integration point for senders). */
public class Notification {

  public UUID id;

  public Channel channel;

  public String destination;

  public String subject;

  public String body;

  public Instant createdAt;

  public Instant sentAt;
}
