package io.sovereignrouter.gateway.provider;

import io.sovereignrouter.gateway.TestGateway;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * A loopback HTTP server answering from fixtures, one handler per {@code METHOD path}; records
 * every request so tests can check what the adapter put on the wire.
 */
final class FixtureServer implements AutoCloseable {
  static final String FIXTURES = "/io/sovereignrouter/gateway/provider/fixtures/";

  /** A request as received. */
  record Received(String method, String path, MultiMap headers, Buffer body) {}

  private final Vertx vertx = Vertx.vertx();
  private final Map<String, BiConsumer<HttpServerRequest, Buffer>> routes =
      new ConcurrentHashMap<>();
  final List<Received> received = new CopyOnWriteArrayList<>();
  private final HttpServer server;

  FixtureServer() {
    server =
        vertx
            .createHttpServer()
            .requestHandler(
                request ->
                    request
                        .body()
                        .onSuccess(
                            body -> {
                              received.add(
                                  new Received(
                                      request.method().name(),
                                      request.path(),
                                      MultiMap.caseInsensitiveMultiMap().addAll(request.headers()),
                                      body));
                              BiConsumer<HttpServerRequest, Buffer> handler =
                                  routes.get(request.method().name() + " " + request.path());
                              if (handler == null) {
                                request
                                    .response()
                                    .setStatusCode(404)
                                    .end("{\"error\":\"no fixture\"}");
                              } else {
                                handler.accept(request, body);
                              }
                            }))
            .listen(0, "127.0.0.1")
            .await();
  }

  FixtureServer on(String methodAndPath, BiConsumer<HttpServerRequest, Buffer> handler) {
    routes.put(methodAndPath, handler);
    return this;
  }

  static String fixture(String name) {
    return TestGateway.resource(FIXTURES + name);
  }

  int port() {
    return server.actualPort();
  }

  Received last(String path) {
    for (int i = received.size() - 1; i >= 0; i--) {
      if (received.get(i).path().equals(path)) {
        return received.get(i);
      }
    }
    throw new AssertionError("no request to " + path);
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
