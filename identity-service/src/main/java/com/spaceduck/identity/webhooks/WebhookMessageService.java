package com.spaceduck.identity.webhooks;

import com.spaceduck.identity.auth.Caller;
import com.spaceduck.platform.contracts.AgentRegistered;
import com.spaceduck.platform.contracts.CertIssued;
import com.spaceduck.platform.contracts.PeckSent;
import com.spaceduck.platform.contracts.TrustElevated;
import com.spaceduck.platform.contracts.TrustTier;
import com.spaceduck.platform.problem.ErrorKind;
import com.spaceduck.platform.problem.FieldError;
import com.spaceduck.platform.problem.ProblemException;
import com.spaceduck.platform.sql.InTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** A subscription's messages: their history, a retry now, a replay since a time, and the tester. */
@ApplicationScoped
public class WebhookMessageService {

  private final WebhookService subscriptions;
  private final WebhookMessageRepository messages;
  private final WebhookFanout fanout;
  private final WebhookDelivery delivery;
  private final Clock clock;

  public WebhookMessageService(
      WebhookService subscriptions,
      WebhookMessageRepository messages,
      WebhookFanout fanout,
      WebhookDelivery delivery,
      Clock clock) {
    this.subscriptions = subscriptions;
    this.messages = messages;
    this.fanout = fanout;
    this.delivery = delivery;
    this.clock = clock;
  }

  public Uni<MessageListResponse> list(Caller caller, UUID webhookId, int page, int size) {
    return owned(caller, webhookId)
        .chain(s -> messages.newestFirst(s.id, page * size, size + 1))
        .map(
            found -> {
              boolean more = found.size() > size;
              List<MessageResponse> views =
                  found.stream().limit(size).map(MessageResponse::of).toList();
              return new MessageListResponse(views, page, size, more ? page + 1 : null);
            });
  }

  /** One more attempt now, whatever the message's state. */
  @InTransaction
  public Uni<MessageResponse> retry(Caller caller, UUID webhookId, UUID messageId) {
    return owned(caller, webhookId)
        .chain(s -> messages.findIn(s.id, messageId))
        .chain(
            m -> {
              if (m == null) {
                throw new ProblemException(ErrorKind.NOT_FOUND, "No message with this id.");
              }
              m.status = "pending";
              m.nextAttemptAt = now();
              return messages.dueAgain(m).replaceWith(() -> MessageResponse.of(m));
            })
        .invoke(delivery::wake);
  }

  /** Sends every message since {@code since} again, each with a fresh retry schedule. */
  @InTransaction
  public Uni<ReplayResponse> replay(Caller caller, UUID webhookId, Instant since) {
    return owned(caller, webhookId)
        .chain(s -> messages.replay(s.id, since, now()))
        .invoke(delivery::wake)
        .map(ReplayResponse::new);
  }

  /** Sends a signed sample of {@code eventType} now and reports what the endpoint answered. */
  public Uni<TestResponse> test(Caller caller, UUID webhookId, String eventType) {
    if (!WebhookEvents.ALL.contains(eventType)) {
      throw ProblemException.invalid(
          "The test is invalid.",
          List.of(
              new FieldError(
                  "event_type", "must be one of " + String.join(", ", WebhookEvents.ALL))));
    }
    return owned(caller, webhookId)
        .chain(
            s -> {
              if (!s.enabled) {
                throw new ProblemException(
                    ErrorKind.CONFLICT,
                    "The webhook is disabled: enable it (PATCH enabled: true) to test it.");
              }
              UUID id = UUID.randomUUID();
              Instant now = clock.instant();
              String payload =
                  fanout.payload(eventType, now.toString(), sample(eventType, caller.ducklingId()));
              String signature =
                  WebhookSigner.sign(s.secret, id.toString(), now.getEpochSecond(), payload);
              if (s.previousSecret != null
                  && s.previousSecretExpiresAt != null
                  && s.previousSecretExpiresAt.isAfter(now)) {
                signature +=
                    " "
                        + WebhookSigner.sign(
                            s.previousSecret, id.toString(), now.getEpochSecond(), payload);
              }
              long started = System.nanoTime();
              return delivery
                  .send(s.url, id, now.getEpochSecond(), payload, signature)
                  .onFailure()
                  .recoverWithItem(
                      e -> WebhookDelivery.Outcome.error(String.valueOf(e.getMessage())))
                  .map(
                      outcome ->
                          new TestResponse(
                              outcome.success(),
                              outcome.status(),
                              (System.nanoTime() - started) / 1_000_000,
                              outcome.body(),
                              outcome.error()));
            });
  }

  private Uni<WebhookSubscription> owned(Caller caller, UUID webhookId) {
    return subscriptions.owned(caller, webhookId);
  }

  private static Object sample(String eventType, UUID duckling) {
    UUID agent = UUID.randomUUID();
    return switch (eventType) {
      case AgentRegistered.NAME -> new AgentRegistered(agent, duckling, "Sample agent");
      case CertIssued.NAME -> new CertIssued(UUID.randomUUID(), duckling, TrustTier.T1);
      case TrustElevated.NAME -> new TrustElevated(duckling, TrustTier.T1, TrustTier.T2);
      case PeckSent.NAME ->
          new PeckSent(
              UUID.randomUUID(),
              agent,
              duckling,
              UUID.randomUUID(),
              duckling,
              "{\"sample\":true}",
              Instant.now());
      default -> throw new IllegalArgumentException(eventType);
    };
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
