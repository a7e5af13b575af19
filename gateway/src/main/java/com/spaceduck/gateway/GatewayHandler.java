package com.spaceduck.gateway;

import com.spaceduck.gateway.client.ClientAddresses;
import com.spaceduck.gateway.ratelimit.BucketKeys;
import com.spaceduck.gateway.ratelimit.CanonicalPaths;
import com.spaceduck.gateway.ratelimit.Decision;
import com.spaceduck.gateway.ratelimit.LimitGroup;
import com.spaceduck.gateway.ratelimit.LimitGroups;
import com.spaceduck.gateway.ratelimit.RateLimiter;
import com.spaceduck.gateway.reference.ApiReference;
import com.spaceduck.gateway.routing.Proxy;
import com.spaceduck.gateway.routing.RouteTable;
import com.spaceduck.gateway.routing.Upstream;
import com.spaceduck.gateway.status.StatusMonitor;
import com.spaceduck.platform.http.RequestIds;
import com.spaceduck.platform.problem.ErrorKind;
import com.spaceduck.platform.problem.ProblemException;
import com.spaceduck.platform.problem.Problems;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * The one Vert.x handler every request to the gateway passes through: resolve the client, draw from
 * the rate-limit bucket of the path's group, then serve {@code /beak/system/status} or the API
 * reference ({@code /docs/}, {@code /openapi.json}) or stream the request to its upstream. Paths no
 * route covers fall through to the 404 problem.
 */
@Singleton
public class GatewayHandler {

  public static final String STATUS_PATH = "/beak/system/status";

  private static final String X_FORWARDED_FOR = "X-Forwarded-For";

  private final RouteTable routes;
  private final Proxy proxy;
  private final ClientAddresses clients;
  private final LimitGroups groups;
  private final BucketKeys buckets;
  private final RateLimiter limiter;
  private final StatusMonitor status;
  private final ApiReference reference;
  private final Problems problems;
  private final boolean limitsEnabled;

  public GatewayHandler(
      RouteTable routes,
      Proxy proxy,
      ClientAddresses clients,
      LimitGroups groups,
      BucketKeys buckets,
      RateLimiter limiter,
      StatusMonitor status,
      ApiReference reference,
      Problems problems,
      GatewayConfig config) {
    this.routes = routes;
    this.proxy = proxy;
    this.clients = clients;
    this.groups = groups;
    this.buckets = buckets;
    this.limiter = limiter;
    this.status = status;
    this.reference = reference;
    this.problems = problems;
    this.limitsEnabled = config.rateLimits().enabled();
  }

  void register(@Observes Router router) {
    router.route().order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::handle);
  }

  private void handle(RoutingContext rc) {
    String path = rc.normalizedPath();
    // The gateway answers these itself (the status, the API reference): no upstream.
    boolean own = STATUS_PATH.equals(path) || reference.serves(path);
    Upstream upstream = own ? null : routes.match(path);
    if (!own && upstream == null) {
      rc.next();
      return;
    }
    HttpServerRequest request = rc.request();
    String peer = request.remoteAddress() == null ? "unknown" : request.remoteAddress().host();
    boolean trustedPeer = clients.trusted(peer);
    if (!limitsEnabled) {
      proceed(rc, own, upstream, peer, trustedPeer);
      return;
    }
    String canonical = CanonicalPaths.of(path);
    if (canonical == null) {
      reject(
          rc,
          new ProblemException(
              ErrorKind.BAD_REQUEST, "The request path has a malformed percent-encoding."));
      return;
    }
    LimitGroup group = groups.match(canonical);
    if (group == null) {
      proceed(rc, own, upstream, peer, trustedPeer);
      return;
    }
    String clientIp =
        trustedPeer ? clients.resolve(peer, request.headers().getAll(X_FORWARDED_FOR)) : peer;
    String ipBucket = buckets.ip(clientIp);
    String bearer = BucketKeys.bearer(request.getHeader(HttpHeaders.AUTHORIZATION));
    if (bearer == null && request.query() != null) {
      // Webhook senders may pass a Beak Key as ?beak_key=… (developer portal).
      bearer = rc.queryParams().get("beak_key");
    }
    String bucket = buckets.bucket(group, ipBucket, bearer);
    Future<Decision> decision = limiter.decide(group, bucket);
    LimitGroup perIp = group.keysPerIp();
    if (perIp != null && bucket.startsWith(BucketKeys.KEY)) {
      // A key's shape proves little: its sender's address pays too, so invented keys share one
      // budget.
      Future<Decision> ipDecision = limiter.decide(perIp, ipBucket);
      decidedBoth(rc, group, decision, perIp, ipDecision, own, upstream, peer, trustedPeer);
      return;
    }
    if (decision.isComplete()) {
      // A leased token or a local bucket: decided without a round trip.
      decided(rc, group, result(decision), own, upstream, peer, trustedPeer);
      return;
    }
    request.pause();
    Context context = Vertx.currentContext();
    decision.onComplete(
        done -> {
          if (context == null || Vertx.currentContext() == context) {
            decided(rc, group, result(done), own, upstream, peer, trustedPeer);
          } else {
            context.runOnContext(
                ignored -> decided(rc, group, result(done), own, upstream, peer, trustedPeer));
          }
        });
  }

  /**
   * Answers by the decisions of a key's bucket and its client's per-IP bucket: the one that
   * refuses, or else the one with fewer tokens left, speaks.
   */
  private void decidedBoth(
      RoutingContext rc,
      LimitGroup group,
      Future<Decision> decision,
      LimitGroup perIp,
      Future<Decision> ipDecision,
      boolean own,
      Upstream upstream,
      String peer,
      boolean trustedPeer) {
    if (!decision.isComplete() || !ipDecision.isComplete()) {
      rc.request().pause();
      Context context = Vertx.currentContext();
      Future.join(decision, ipDecision)
          .onComplete(
              done -> {
                Runnable next =
                    () ->
                        decidedBoth(
                            rc,
                            group,
                            decision,
                            perIp,
                            ipDecision,
                            own,
                            upstream,
                            peer,
                            trustedPeer);
                if (context == null || Vertx.currentContext() == context) {
                  next.run();
                } else {
                  context.runOnContext(ignored -> next.run());
                }
              });
      return;
    }
    Decision byKey = result(decision);
    Decision byIp = result(ipDecision);
    if (governs(byIp, byKey)) {
      decided(rc, perIp, byIp, own, upstream, peer, trustedPeer);
    } else {
      decided(rc, group, byKey, own, upstream, peer, trustedPeer);
    }
  }

  private static Decision result(AsyncResult<Decision> decision) {
    return decision.succeeded() ? decision.result() : Decision.UNAVAILABLE;
  }

  private void decided(
      RoutingContext rc,
      LimitGroup group,
      Decision decision,
      boolean own,
      Upstream upstream,
      String peer,
      boolean trustedPeer) {
    HttpServerResponse response = rc.response();
    if (decision.outcome() == Decision.Outcome.UNAVAILABLE) {
      reject(
          rc,
          new ProblemException(
                  ErrorKind.UNAVAILABLE, "Rate limiting is unavailable; retry shortly.")
              .retryAfter(decision.retryAfterSeconds()));
      return;
    }
    response.headers().set("RateLimit-Limit", Long.toString(group.capacity()));
    response.headers().set("RateLimit-Remaining", Long.toString(decision.remaining()));
    response.headers().set("RateLimit-Reset", Long.toString(decision.resetSeconds()));
    response.headers().set("RateLimit-Policy", group.policy());
    if (!decision.allowed()) {
      reject(
          rc,
          new ProblemException(
                  ErrorKind.TOO_MANY_REQUESTS,
                  "Rate limit exceeded for "
                      + group.name()
                      + ": "
                      + group.limit()
                      + " requests per "
                      + group.windowSeconds()
                      + " s. Retry after the Retry-After header's seconds.")
              .retryAfter(decision.retryAfterSeconds()));
      return;
    }
    proceed(rc, own, upstream, peer, trustedPeer);
  }

  /** Whether {@code candidate} is the decision to answer by rather than {@code other}. */
  private static boolean governs(Decision candidate, Decision other) {
    if (candidate.outcome() != other.outcome()) {
      return candidate.outcome() == Decision.Outcome.UNAVAILABLE
          || (candidate.outcome() == Decision.Outcome.LIMITED
              && other.outcome() == Decision.Outcome.ALLOWED);
    }
    return candidate.allowed()
        ? candidate.remaining() < other.remaining()
        : candidate.retryAfterMicros() > other.retryAfterMicros();
  }

  private void proceed(
      RoutingContext rc, boolean own, Upstream upstream, String peer, boolean trustedPeer) {
    if (own) {
      String path = rc.normalizedPath();
      if (reference.serves(path)) {
        reference.serve(rc, path);
      } else {
        serveStatus(rc);
      }
    } else {
      proxy.forward(rc, upstream, peer, trustedPeer);
    }
  }

  private void serveStatus(RoutingContext rc) {
    HttpMethod method = rc.request().method();
    if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
      rc.response().headers().set(HttpHeaders.ALLOW, "GET, HEAD");
      reject(
          rc,
          new ProblemException(
              ErrorKind.METHOD_NOT_ALLOWED, "This method is not allowed on this path."));
      return;
    }
    rc.request().resume();
    rc.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
        .end(status.body());
  }

  private void reject(RoutingContext rc, ProblemException problem) {
    problems.write(rc.response(), problem, rc.request().path(), RequestIds.of(rc.request()));
    // The body, if any, is not wanted: let it drain so the connection can be reused.
    rc.request().resume();
  }
}
