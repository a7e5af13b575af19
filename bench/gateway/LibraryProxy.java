import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A reverse proxy made with {@code io.vertx:vertx-http-proxy} (the version of the Vert.x that
 * Quarkus brings), on the same server and client settings as {@code BareProxy.java}. Two modes:
 *
 * <ul>
 *   <li>{@code bare}: the library as it comes. It already drops the RFC 9110 hop-by-hop headers
 *       (but not those a {@code Connection} header lists) and sets {@code X-Forwarded-Host}.
 *   <li>{@code rules}: plus the gateway's header rules as a {@link ProxyInterceptor}: headers a
 *       {@code Connection} header lists and {@code Proxy-Connection} stay on their hop, what a
 *       client sends as {@code Forwarded}, {@code X-Forwarded-*}, {@code X-Request-Id} or {@code
 *       X-Geo-Country} is dropped (the peer is not a trusted proxy), and {@code X-Forwarded-For},
 *       {@code X-Forwarded-Proto}, {@code X-Forwarded-Host} and a request id are set; the
 *       upstream's own {@code X-Request-Id} is not passed back.
 * </ul>
 *
 * <p>No limits and no problem answers: these are what the gateway's {@code Proxy} would keep
 * around the library, not what the library replaces.
 *
 * <p>{@code java -cp <the gateway's jars + vertx-http-proxy> LibraryProxy.java <listen port>
 * <upstream port> bare|rules}
 */
public class LibraryProxy extends AbstractVerticle {

  private static final Set<String> GATEWAY_OWNED =
      Set.of(
          "host",
          "forwarded",
          "x-request-id",
          "x-forwarded-for",
          "x-forwarded-host",
          "x-forwarded-proto",
          "x-geo-country",
          "proxy-connection");

  private final int port;
  private final int upstreamPort;
  private final boolean rules;

  LibraryProxy(int port, int upstreamPort, boolean rules) {
    this.port = port;
    this.upstreamPort = upstreamPort;
    this.rules = rules;
  }

  @Override
  public void start() {
    HttpClient client =
        vertx.createHttpClient(
            new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true),
            new PoolOptions().setHttp1MaxSize(64));
    HttpProxy proxy = HttpProxy.reverseProxy(client).origin(upstreamPort, "127.0.0.1");
    if (rules) {
      proxy.addInterceptor(new GatewayHeaderRules());
    }
    vertx
        .createHttpServer(new HttpServerOptions().setTcpNoDelay(true))
        .requestHandler(proxy)
        .listen(port);
  }

  /** The gateway's header rules (its {@code Proxy}), for an untrusted peer. */
  static final class GatewayHeaderRules implements ProxyInterceptor {

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
      ProxyRequest request = context.request();
      HttpServerRequest client = request.proxiedRequest();
      MultiMap headers = request.headers();
      Set<String> listed = connectionListed(headers);
      List<String> dropped = null;
      for (Map.Entry<String, String> header : headers) {
        String lower = header.getKey().toLowerCase(Locale.ROOT);
        if (GATEWAY_OWNED.contains(lower) || listed.contains(lower)) {
          if (dropped == null) {
            dropped = new ArrayList<>(2);
          }
          dropped.add(header.getKey());
        }
      }
      if (dropped != null) {
        dropped.forEach(headers::remove);
      }
      String id = client.getHeader("X-Request-Id");
      headers.add("X-Forwarded-For", client.remoteAddress().host());
      headers.add("X-Forwarded-Proto", client.scheme());
      if (client.authority() != null) {
        headers.add("X-Forwarded-Host", client.authority().toString());
      }
      headers.add("X-Request-Id", id != null ? id : newId());
      return context.sendRequest();
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
      MultiMap headers = context.response().headers();
      Set<String> listed = connectionListed(headers);
      headers.remove("X-Request-Id");
      for (String name : listed) {
        headers.remove(name);
      }
      return context.sendResponse();
    }

    /** A random version-4 UUID without SecureRandom, as the gateway makes its request ids. */
    private static String newId() {
      ThreadLocalRandom random = ThreadLocalRandom.current();
      long high = (random.nextLong() & ~0xF000L) | 0x4000L;
      long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
      return new UUID(high, low).toString();
    }

    private static Set<String> connectionListed(MultiMap headers) {
      String connection = headers.get("Connection");
      if (connection == null || connection.isBlank()) {
        return Set.of();
      }
      Set<String> names = new java.util.HashSet<>();
      for (String name : connection.split(",")) {
        names.add(name.trim().toLowerCase(Locale.ROOT));
      }
      return names;
    }
  }

  public static void main(String[] args) {
    int port = Integer.parseInt(args[0]);
    int upstreamPort = Integer.parseInt(args[1]);
    boolean rules = args.length > 2 && "rules".equals(args[2]);
    int loops = Runtime.getRuntime().availableProcessors();
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops));
    vertx.deployVerticle(
        () -> new LibraryProxy(port, upstreamPort, rules),
        new DeploymentOptions().setInstances(loops));
  }
}
