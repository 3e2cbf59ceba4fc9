package io.sovereignrouter.gateway;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.function.Function;

/** One HTTP listener on this verticle's event loop, serving a router built for its Vert.x. */
final class HttpServerVerticle extends VerticleBase {
  private final Function<io.vertx.core.Vertx, Router> routes;
  private final String host;
  private final int port;
  private HttpServer server;

  HttpServerVerticle(Function<io.vertx.core.Vertx, Router> routes, String host, int port) {
    this.routes = routes;
    this.host = host;
    this.port = port;
  }

  @Override
  public Future<?> start() {
    HttpServerOptions options =
        new HttpServerOptions()
            .setHost(host)
            .setPort(port)
            .setTcpNoDelay(true)
            .setCompressionSupported(false)
            .setIdleTimeout(0);
    return vertx
        .createHttpServer(options)
        .requestHandler(routes.apply(vertx))
        .listen()
        .onSuccess(s -> server = s);
  }

  int actualPort() {
    return server.actualPort();
  }
}
