package com.spaceduck.identity.verification;

import java.time.Instant;
import java.util.UUID;

/** A one-time code, a row of {@code verification_codes}, stored only as a salted hash. */
public class VerificationCode {

  public UUID id;

  public UUID ducklingId;

  public Channel channel;

  public String destination;

  public String codeHash;

  public int attempts;

  public Instant expiresAt;

  public Instant consumedAt;

  public Instant createdAt;
}
