import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * The least a reverse proxy on the Vert.x HTTP server and client can do: pass method, URI, headers
 * and body through, with no limits, no header rules and no error answers. The gateway bench runs it
 * as the ceiling for any proxy built on these two, on the same machine in the same run.
 *
 * <p>{@code java -cp <vertx-core and netty jars> BareProxy.java <listen port> <upstream port>}
 */
public class BareProxy extends AbstractVerticle {

  private final int port;
  private final int upstreamPort;

  BareProxy(int port, int upstreamPort) {
    this.port = port;
    this.upstreamPort = upstreamPort;
  }

  @Override
  public void start() {
    HttpClient client =
        vertx.createHttpClient(
            new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true),
            new PoolOptions().setHttp1MaxSize(64));
    vertx
        .createHttpServer(new HttpServerOptions().setTcpNoDelay(true))
        .requestHandler(
            request -> {
              request.pause();
              RequestOptions options =
                  new RequestOptions()
                      .setMethod(request.method())
                      .setHost("127.0.0.1")
                      .setPort(upstreamPort)
                      .setURI(request.uri());
              client
                  .request(options)
                  .onSuccess(
                      out -> {
                        out.headers().setAll(request.headers());
                        out.response()
                            .onSuccess(
                                answer -> {
                                  request.response().setStatusCode(answer.statusCode());
                                  request.response().headers().setAll(answer.headers());
                                  answer.pipeTo(request.response());
                                })
                            .onFailure(failure -> request.response().setStatusCode(502).end());
                        request.pipeTo(out);
                      })
                  .onFailure(failure -> request.response().setStatusCode(502).end());
            })
        .listen(port);
  }

  public static void main(String[] args) {
    int port = Integer.parseInt(args[0]);
    int upstreamPort = Integer.parseInt(args[1]);
    int loops = Runtime.getRuntime().availableProcessors();
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops));
    vertx.deployVerticle(
        () -> new BareProxy(port, upstreamPort), new DeploymentOptions().setInstances(loops));
  }
}
