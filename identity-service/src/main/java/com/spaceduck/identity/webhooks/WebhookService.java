package com.spaceduck.identity.webhooks;

import com.spaceduck.identity.IdentityConfig;
import com.spaceduck.identity.auth.Caller;
import com.spaceduck.platform.problem.ErrorKind;
import com.spaceduck.platform.problem.FieldError;
import com.spaceduck.platform.problem.ProblemException;
import com.spaceduck.platform.sql.InTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * Webhook subscriptions: each belongs to one duckling, and another duckling's is not found. Target
 * URLs follow {@link TargetRules}; a duckling holds at most {@code webhooks.max-per-duckling}.
 */
@ApplicationScoped
public class WebhookService {

  private final WebhookRepository webhooks;
  private final IdentityConfig.Webhooks config;
  private final TargetRules rules;
  private final Clock clock;

  public WebhookService(WebhookRepository webhooks, IdentityConfig config, Clock clock) {
    this.webhooks = webhooks;
    this.config = config.webhooks();
    this.rules = new TargetRules(this.config.allowInsecureTargets(), this.config.maxUrlLength());
    this.clock = clock;
  }

  @InTransaction
  public Uni<CreatedWebhookResponse> create(Caller caller, CreateWebhookRequest request) {
    List<FieldError> errors = new ArrayList<>();
    checkUrl(request.url(), errors);
    String events = events(request.events(), errors);
    if (!errors.isEmpty()) {
      throw ProblemException.invalid("The webhook is invalid.", errors);
    }
    return webhooks
        .countOwned(caller.ducklingId())
        .chain(
            held -> {
              if (held >= config.maxPerDuckling()) {
                throw new ProblemException(
                    ErrorKind.CONFLICT,
                    "You already have " + held + " webhooks, the most allowed; delete one first.");
              }
              Instant now = now();
              WebhookSubscription s = new WebhookSubscription();
              s.id = UUID.randomUUID();
              s.ducklingId = caller.ducklingId();
              s.url = request.url().strip();
              s.events = events;
              s.description = blankToNull(request.description());
              s.enabled = true;
              s.ordered = Boolean.TRUE.equals(request.ordered());
              s.secret = WebhookSecrets.generate();
              s.nextSequence = 1;
              s.createdAt = now;
              s.updatedAt = now;
              return webhooks.insert(s).replaceWith(() -> CreatedWebhookResponse.of(s));
            });
  }

  public Uni<WebhookListResponse> list(Caller caller) {
    return webhooks
        .listOwned(caller.ducklingId())
        .map(all -> new WebhookListResponse(all.stream().map(WebhookResponse::of).toList()));
  }

  public Uni<WebhookResponse> get(Caller caller, UUID id) {
    return owned(caller, id).map(WebhookResponse::of);
  }

  @InTransaction
  public Uni<WebhookResponse> update(Caller caller, UUID id, UpdateWebhookRequest request) {
    List<FieldError> errors = new ArrayList<>();
    if (request.url() != null) {
      checkUrl(request.url(), errors);
    }
    String events = request.events() == null ? null : events(request.events(), errors);
    if (!errors.isEmpty()) {
      throw ProblemException.invalid("The webhook is invalid.", errors);
    }
    return owned(caller, id)
        .chain(
            s -> {
              if (request.url() != null) {
                s.url = request.url().strip();
              }
              if (events != null) {
                s.events = events;
              }
              if (request.description() != null) {
                s.description = blankToNull(request.description());
              }
              if (request.ordered() != null) {
                s.ordered = request.ordered();
              }
              if (request.enabled() != null) {
                s.enabled = request.enabled();
                if (s.enabled) {
                  s.disabledReason = null;
                  s.disabledAt = null;
                  s.failingSince = null;
                }
              }
              s.updatedAt = now();
              return webhooks
                  .updateSettings(s, request.enabled())
                  .replaceWith(() -> WebhookResponse.of(s));
            });
  }

  @InTransaction
  public Uni<Void> delete(Caller caller, UUID id) {
    return owned(caller, id).chain(webhooks::delete);
  }

  /** A new secret; the current one keeps signing beside it for {@code secret-overlap}. */
  @InTransaction
  public Uni<RotatedSecretResponse> rotate(Caller caller, UUID id) {
    return owned(caller, id)
        .chain(
            s -> {
              Instant now = now();
              s.previousSecret = s.secret;
              s.previousSecretExpiresAt = now.plus(config.secretOverlap());
              s.secret = WebhookSecrets.generate();
              s.updatedAt = now;
              return webhooks
                  .rotateSecret(s)
                  .replaceWith(
                      () -> new RotatedSecretResponse(s.secret, s.previousSecretExpiresAt));
            });
  }

  /** The caller's subscription, or a 404 problem (another duckling's is not there). */
  Uni<WebhookSubscription> owned(Caller caller, UUID id) {
    return webhooks
        .findOwned(id, caller.ducklingId())
        .map(
            s -> {
              if (s == null) {
                throw new ProblemException(ErrorKind.NOT_FOUND, "No webhook with this id.");
              }
              return s;
            });
  }

  private void checkUrl(String url, List<FieldError> errors) {
    rules.checkUrl(url).ifPresent(message -> errors.add(new FieldError("url", message)));
  }

  private static String events(List<String> requested, List<FieldError> errors) {
    LinkedHashSet<String> names = new LinkedHashSet<>();
    for (int i = 0; i < requested.size(); i++) {
      String name = requested.get(i) == null ? "" : requested.get(i).strip();
      if (!WebhookEvents.ALL.contains(name)) {
        errors.add(
            new FieldError(
                "events[" + i + "]", "must be one of " + String.join(", ", WebhookEvents.ALL)));
      }
      names.add(name);
    }
    return String.join(",", names);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
