package com.spaceduck.gateway.routing;

import com.spaceduck.gateway.GatewayConfig;
import com.spaceduck.platform.http.RequestIds;
import com.spaceduck.platform.problem.ErrorKind;
import com.spaceduck.platform.problem.NetworkFailures;
import com.spaceduck.platform.problem.ProblemException;
import com.spaceduck.platform.problem.Problems;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.impl.NoStackTraceTimeoutException;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.net.ConnectException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Streams a request to its upstream and the answer back, over pooled keep-alive connections. Bodies
 * are never buffered whole: they flow through with back-pressure, and a body that grows past the
 * size limit is cut off with a 413. Hop-by-hop headers stay on their own hop; the upstream learns
 * who asked through {@code X-Forwarded-*} and the request id.
 */
@Singleton
public class Proxy {

  private static final Logger LOG = Logger.getLogger(Proxy.class);

  private final ThreadLocal<HttpClient> clients;
  private final Problems problems;
  private final Map<String, Counter[]> responses = new java.util.HashMap<>();
  private final long connectTimeoutMillis;
  private final long responseTimeoutMillis;
  private final long maxBodySize;

  public Proxy(
      Vertx vertx,
      GatewayConfig config,
      Problems problems,
      RouteTable routes,
      MeterRegistry registry,
      @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> limit) {
    this.problems = problems;
    for (Upstream upstream : routes.upstreams()) {
      Counter[] byClass = new Counter[6];
      for (int i = 1; i <= 5; i++) {
        byClass[i] =
            registry.counter(
                "spaceduck.gateway.upstream.responses",
                "upstream",
                upstream.name(),
                "status",
                i + "xx");
      }
      responses.put(upstream.name(), byClass);
    }
    this.connectTimeoutMillis = config.connectTimeout().toMillis();
    this.responseTimeoutMillis = config.responseTimeout().toMillis();
    this.maxBodySize = limit.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
    HttpClientOptions options =
        new HttpClientOptions()
            .setKeepAlive(true)
            .setTcpNoDelay(true)
            .setConnectTimeout((int) connectTimeoutMillis)
            .setDecompressionSupported(false);
    PoolOptions pool =
        new PoolOptions()
            .setHttp1MaxSize(config.maxConnectionsPerUpstream())
            .setMaxWaitQueueSize(10_000);
    // One client, so one pool, per event loop: a request and its upstream connection then
    // live on the same thread, and no chunk of the exchange hops between threads.
    this.clients = ThreadLocal.withInitial(() -> vertx.createHttpClient(options, pool));
  }

  /**
   * Forwards the request. {@code peer} is the TCP peer, {@code trustedPeer} whether it is a trusted
   * proxy whose forwarding headers may be kept.
   */
  public void forward(RoutingContext rc, Upstream upstream, String peer, boolean trustedPeer) {
    rc.request().pause();
    send(rc, upstream, peer, trustedPeer, true);
  }

  /**
   * One attempt. A pooled keep-alive connection can be closed by the service (a restart, its idle
   * timeout) just as a request goes out on it; a request without a body whose method is safe is
   * then sent once more on a fresh connection, as it cannot have changed anything.
   */
  private void send(
      RoutingContext rc, Upstream upstream, String peer, boolean trustedPeer, boolean mayRetry) {
    HttpServerRequest request = rc.request();
    HttpServerResponse response = rc.response();

    RequestOptions options =
        new RequestOptions()
            .setMethod(request.method())
            .setHost(upstream.host())
            .setPort(upstream.port())
            .setSsl(upstream.ssl())
            .setURI(uri(rc))
            .setConnectTimeout(connectTimeoutMillis)
            .setIdleTimeout(responseTimeoutMillis);

    clients
        .get()
        .request(options)
        .onComplete(
            created -> {
              if (created.failed()) {
                upstreamFailed(rc, upstream, created.cause());
                return;
              }
              HttpClientRequest upstreamRequest = created.result();
              writeRequestHeaders(request, upstreamRequest.headers(), peer, trustedPeer);
              // Failures surface through response() below; this only keeps Vert.x from
              // logging a reset the gateway caused itself (a body cut off at the size limit).
              upstreamRequest.exceptionHandler(
                  failure -> LOG.debugf("Upstream request ended: %s", failure.getMessage()));
              response.closeHandler(closed -> upstreamRequest.reset());
              upstreamRequest
                  .response()
                  .onComplete(
                      answered -> {
                        if (answered.failed()
                            && mayRetry
                            && closedBeforeAnswer(answered.cause())
                            && replayable(request)
                            && !response.headWritten()) {
                          LOG.debugf("Retrying on a fresh connection to %s", upstream.name());
                          send(rc, upstream, peer, trustedPeer, false);
                        } else if (answered.failed()) {
                          upstreamFailed(rc, upstream, answered.cause());
                        } else {
                          count(upstream, answered.result().statusCode());
                          relayResponse(answered.result(), response);
                        }
                      });
              sendBody(rc, request, upstreamRequest);
            });
  }

  /** Whether the request carries no body. */
  private static boolean noBody(HttpServerRequest request) {
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    boolean chunked = request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
    // HTTP/1.x has a body only with a length or chunked coding; HTTP/2 has one unless the stream
    // ended with the headers.
    boolean http2 = request.version() == HttpVersion.HTTP_2;
    return request.isEnded()
        || (length != null && "0".equals(length.trim()))
        || (!http2 && length == null && !chunked);
  }

  /** A safe method (RFC 9110 section 9.2.1) and no body: sending it twice changes nothing. */
  private static boolean replayable(HttpServerRequest request) {
    HttpMethod method = request.method();
    return (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS)
        && noBody(request);
  }

  /** The service closed or reset the connection before any answer reached the gateway. */
  private static boolean closedBeforeAnswer(Throwable failure) {
    return failure instanceof HttpClosedException || NetworkFailures.connectionReset(failure);
  }

  private void sendBody(RoutingContext rc, HttpServerRequest request, HttpClientRequest out) {
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (noBody(request)) {
      out.end();
      request.resume();
      return;
    }
    if (length == null) {
      out.setChunked(true);
    }
    long[] received = {0};
    request.handler(
        (Buffer chunk) -> {
          received[0] += chunk.length();
          if (received[0] > maxBodySize) {
            request.handler(null);
            rc.response().headers().set(HttpHeaders.CONNECTION, "close");
            fail(
                rc,
                new ProblemException(
                    ErrorKind.PAYLOAD_TOO_LARGE,
                    "The request body is larger than the limit of " + maxBodySize + " bytes."));
            out.reset();
            return;
          }
          out.write(chunk);
          if (out.writeQueueFull()) {
            request.pause();
            out.drainHandler(drained -> request.resume());
          }
        });
    request.endHandler(ended -> out.end());
    request.exceptionHandler(failure -> out.reset());
    request.resume();
  }

  private void relayResponse(HttpClientResponse answer, HttpServerResponse response) {
    if (response.ended() || response.closed()) {
      answer.request().reset();
      return;
    }
    // The reason phrase is not copied: HTTP/1.1 clients ignore it (RFC 9112 section 4) and the
    // gateway answers with the standard one for the code.
    response.setStatusCode(answer.statusCode());
    MultiMap target = response.headers();
    MultiMap source = answer.headers();
    Set<String> listed = connectionListed(source);
    for (Map.Entry<String, String> header : source) {
      String name = header.getKey();
      if (!Hops.hopByHop(name)
          && !Hops.named(name, RequestIds.HEADER)
          && (listed.isEmpty() || !listed.contains(name.toLowerCase(Locale.ROOT)))) {
        target.add(name, header.getValue());
      }
    }
    if (!source.contains(HttpHeaders.CONTENT_LENGTH)) {
      response.setChunked(true);
    }
    // Streams chunk by chunk with back-pressure, holding back only the latest chunk so that it
    // goes out with the end of the response: a small answer then takes one write, not two.
    Buffer[] held = {null};
    answer.handler(
        chunk -> {
          if (held[0] != null) {
            response.write(held[0]);
            if (response.writeQueueFull()) {
              answer.pause();
              response.drainHandler(drained -> answer.resume());
            }
          }
          held[0] = chunk;
        });
    answer.endHandler(
        ended -> {
          if (!response.ended() && !response.closed()) {
            if (held[0] == null) {
              response.end();
            } else {
              response.end(held[0]);
            }
          }
        });
    answer.exceptionHandler(
        failure -> {
          if (!response.ended()) {
            response.reset();
          }
        });
  }

  private void count(Upstream upstream, int status) {
    Counter[] byClass = responses.get(upstream.name());
    int statusClass = status / 100;
    if (byClass != null && statusClass >= 1 && statusClass <= 5) {
      byClass[statusClass].increment();
    }
  }

  private void upstreamFailed(RoutingContext rc, Upstream upstream, Throwable failure) {
    if (rc.response().ended()) {
      return;
    }
    if (rc.response().headWritten()) {
      rc.response().reset();
      return;
    }
    ProblemException problem;
    if (failure instanceof NoStackTraceTimeoutException || failure instanceof TimeoutException) {
      problem =
          new ProblemException(
              ErrorKind.GATEWAY_TIMEOUT,
              "The " + upstream.name() + " service did not answer in time.");
    } else if (failure instanceof ConnectException
        || failure instanceof io.netty.channel.ConnectTimeoutException
        || String.valueOf(failure.getMessage()).contains("Connection refused")) {
      problem =
          new ProblemException(
                  ErrorKind.UNAVAILABLE,
                  "The " + upstream.name() + " service is unavailable; retry shortly.")
              .retryAfter(1);
    } else if (closedBeforeAnswer(failure)) {
      // Typically a service shutting down; the next attempt reaches another instance.
      problem =
          new ProblemException(
                  ErrorKind.UNAVAILABLE,
                  "The "
                      + upstream.name()
                      + " service closed the connection before answering; retry shortly.")
              .retryAfter(1);
    } else {
      problem =
          new ProblemException(
              ErrorKind.BAD_GATEWAY,
              "The " + upstream.name() + " service failed to answer properly.");
    }
    count(upstream, problem.kind().status());
    LOG.warnf("Upstream %s failed: %s", upstream.name(), failure.getMessage());
    fail(rc, problem);
  }

  private void fail(RoutingContext rc, ProblemException problem) {
    problems.write(rc.response(), problem, rc.request().path(), RequestIds.of(rc.request()));
  }

  /**
   * The request's end-to-end headers, then the gateway's own: {@code X-Forwarded-*} and the request
   * id. Hop-by-hop headers stay on the client's hop, and edge headers pass only from trusted
   * proxies.
   */
  private static void writeRequestHeaders(
      HttpServerRequest request, MultiMap target, String peer, boolean trustedPeer) {
    MultiMap source = request.headers();
    Set<String> listed = connectionListed(source);
    String forwardedFor = null;
    String forwardedProto = null;
    for (Map.Entry<String, String> header : source) {
      String name = header.getKey();
      if (Hops.hopByHop(name)
          || (!listed.isEmpty() && listed.contains(name.toLowerCase(Locale.ROOT)))) {
        continue;
      }
      if (Hops.gatewayOwned(name)) {
        if (trustedPeer && Hops.named(name, "X-Forwarded-For")) {
          forwardedFor =
              forwardedFor == null ? header.getValue() : forwardedFor + ", " + header.getValue();
        } else if (trustedPeer && Hops.named(name, "X-Forwarded-Proto")) {
          forwardedProto = header.getValue();
        }
        continue;
      }
      if (!trustedPeer && Hops.edgeOnly(name)) {
        continue;
      }
      target.add(name, header.getValue());
    }
    target.add("X-Forwarded-For", forwardedFor != null ? forwardedFor + ", " + peer : peer);
    target.add("X-Forwarded-Proto", forwardedProto != null ? forwardedProto : request.scheme());
    String host = request.getHeader(HttpHeaders.HOST);
    if (host == null && request.authority() != null) {
      host = request.authority().toString();
    }
    if (host != null) {
      target.add("X-Forwarded-Host", host);
    }
    target.add(RequestIds.HEADER, RequestIds.of(request));
  }

  /** Header names a {@code Connection} header lists: hop-by-hop too (RFC 9110 7.6.1). */
  private static Set<String> connectionListed(MultiMap headers) {
    String connection = headers.get(HttpHeaders.CONNECTION);
    if (connection == null || connection.isBlank()) {
      return Set.of();
    }
    Set<String> names = new java.util.HashSet<>();
    for (String name : connection.split(",")) {
      names.add(name.trim().toLowerCase(Locale.ROOT));
    }
    return names;
  }

  /** The path as the gateway matched it (dot segments resolved), plus the query. */
  private static String uri(RoutingContext rc) {
    String query = rc.request().query();
    return query == null ? rc.normalizedPath() : rc.normalizedPath() + "?" + query;
  }
}
