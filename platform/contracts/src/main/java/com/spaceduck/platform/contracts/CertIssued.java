package com.spaceduck.platform.contracts;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/** A birth certificate was issued (cert-service). */
@RegisterForReflection
public record CertIssued(UUID certId, UUID ducklingId, TrustTier trustTier) implements EventData {

  public static final String NAME = "cert.issued";
  public static final int VERSION = 1;
  public static final EventType<CertIssued> TYPE = new EventType<>(NAME, VERSION, CertIssued.class);

  @Override
  public EventType<CertIssued> eventType() {
    return TYPE;
  }
}
