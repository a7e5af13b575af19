package com.spaceduck.platform.events.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.Wellness;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Whether Redis answers, reported at {@code /q/health/well}, deliberately not in readiness: a
 * service keeps serving without Redis (events wait in its outbox and are published once Redis is
 * back), so losing Redis makes it degraded, not unready. Taking every replica out of its Service
 * for a Redis outage would turn a degradation into an outage.
 */
@Wellness
@ApplicationScoped
public class RedisWellness implements AsyncHealthCheck {

  static final String NAME = "redis";
  private static final Duration TIMEOUT = Duration.ofSeconds(1);

  private final Redis redis;

  public RedisWellness(Redis redis) {
    this.redis = redis;
  }

  @Override
  public Uni<HealthCheckResponse> call() {
    return redis
        .send(Request.cmd(Command.PING))
        .ifNoItem()
        .after(TIMEOUT)
        .fail()
        .map(pong -> HealthCheckResponse.named(NAME).up().build())
        .onFailure()
        .recoverWithItem(
            failure ->
                HealthCheckResponse.named(NAME)
                    .down()
                    .withData("impact", "degraded: events wait in the outbox until Redis returns")
                    .build());
  }
}
