package com.spaceduck.identity.verification;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A one-time code, stored only as a salted hash. */
@Entity
@Table(name = "verification_codes")
public class VerificationCode {

  @Id public UUID id;

  @Column(name = "duckling_id", nullable = false)
  public UUID ducklingId;

  @Convert(converter = Channel.Column.class)
  @Column(nullable = false)
  public Channel channel;

  @Column(nullable = false)
  public String destination;

  @Column(name = "code_hash", nullable = false)
  public String codeHash;

  @Column(nullable = false)
  public int attempts;

  @Column(name = "expires_at", nullable = false)
  public Instant expiresAt;

  @Column(name = "consumed_at")
  public Instant consumedAt;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;
}
