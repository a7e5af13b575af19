package com.spaceduck.identity.verification;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An outgoing message in the {@code notifications} table (the integration point for senders). */
@Entity
@Table(name = "notifications")
public class Notification {

  @Id public UUID id;

  @Convert(converter = Channel.Column.class)
  @Column(nullable = false)
  public Channel channel;

  @Column(nullable = false)
  public String destination;

  @Column(nullable = false)
  public String subject;

  @Column(nullable = false)
  public String body;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "sent_at")
  public Instant sentAt;
}
