package com.spaceduck.identity.verification;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.UUID;

@ApplicationScoped
public class VerificationCodeRepository implements PanacheRepositoryBase<VerificationCode, UUID> {

  /** The newest unconsumed code for the channel, locked for the check, or {@code null}. */
  public Uni<VerificationCode> pending(UUID ducklingId, Channel channel) {
    return find(
            "ducklingId = ?1 and channel = ?2 and consumedAt is null",
            Sort.descending("createdAt"),
            ducklingId,
            channel)
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .firstResult();
  }

  /** Drops earlier unconsumed codes when a new one is sent: only the newest is valid. */
  public Uni<Long> discardPending(UUID ducklingId, Channel channel) {
    return delete("ducklingId = ?1 and channel = ?2 and consumedAt is null", ducklingId, channel);
  }
}
