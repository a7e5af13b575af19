package com.spaceduck.identity.support;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "support_tickets")
public class SupportTicket {

  @Id public UUID id;

  @Column(nullable = false)
  public String email;

  @Column(nullable = false)
  public String message;

  @Column(nullable = false)
  public String status;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;
}
