package com.spaceduck.identity.newsletter;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "newsletter_subscriptions")
public class Subscription {

  @Id public String email;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;
}
