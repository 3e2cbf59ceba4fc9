package io.sovereignrouter.gateway.keys;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback OpenAI-compatible upstream that authenticates like the real one: {@code Authorization:
 * Bearer KEY} must be one of the accepted keys, else 401. Each reply names the label of the key
 * that authenticated it (in {@code choices[0].message.content}) and its id is {@code chatcmpl-}
 * followed by the {@link System#nanoTime()} of its arrival here, so a test in the same JVM knows
 * which credential served a request and when it reached the upstream. An optional delay keeps
 * requests in flight.
 */
final class KeyCheckingUpstream implements AutoCloseable {
  private final Vertx vertx = Vertx.vertx();
  private final HttpServer server;

  /** Accepted key → label. */
  final Map<String, String> accepted = new ConcurrentHashMap<>();

  /** Label → requests served with it. */
  final Map<String, AtomicInteger> served = new ConcurrentHashMap<>();

  final AtomicInteger rejected = new AtomicInteger();
  volatile long delayMs;

  /** Model → status the upstream answers with instead of a reply (failure injection). */
  final Map<String, Integer> failing = new ConcurrentHashMap<>();

  KeyCheckingUpstream() {
    server = vertx.createHttpServer().requestHandler(this::handle).listen(0, "127.0.0.1").await();
  }

  int port() {
    return server.actualPort();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port() + "/v1";
  }

  private void handle(HttpServerRequest request) {
    long arrived = System.nanoTime();
    request
        .body()
        .onSuccess(
            body -> {
              String auth = request.getHeader("Authorization");
              String key = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : "";
              String label = accepted.get(key);
              if (label == null) {
                rejected.incrementAndGet();
                request
                    .response()
                    .setStatusCode(401)
                    .putHeader("Content-Type", "application/json")
                    .end(
                        "{\"error\":{\"message\":\"Incorrect API key provided.\","
                            + "\"type\":\"invalid_request_error\",\"param\":null,"
                            + "\"code\":\"invalid_api_key\"}}");
                return;
              }
              if (request.path().endsWith("/models")) {
                request.response().end("{\"object\":\"list\",\"data\":[]}");
                return;
              }
              String model = body.length() == 0 ? "" : body.toJsonObject().getString("model", "");
              Integer failure = failing.get(model);
              if (failure != null) {
                request
                    .response()
                    .setStatusCode(failure)
                    .putHeader("Content-Type", "application/json")
                    .end(
                        "{\"error\":{\"message\":\"upstream says no\",\"type\":\"server_error\"}}");
                return;
              }
              served.computeIfAbsent(label, l -> new AtomicInteger()).incrementAndGet();
              JsonObject reply =
                  new JsonObject()
                      .put("id", "chatcmpl-" + arrived)
                      .put("object", "chat.completion")
                      .put("created", 1)
                      .put("model", model)
                      .put(
                          "choices",
                          new JsonArray()
                              .add(
                                  new JsonObject()
                                      .put("index", 0)
                                      .put(
                                          "message",
                                          new JsonObject()
                                              .put("role", "assistant")
                                              .put("content", "key=" + label))
                                      .put("finish_reason", "stop")))
                      .put(
                          "usage",
                          new JsonObject()
                              .put("prompt_tokens", 3)
                              .put("completion_tokens", 2)
                              .put("total_tokens", 5));
              Runnable send =
                  () ->
                      request
                          .response()
                          .putHeader("Content-Type", "application/json")
                          .end(reply.encode());
              if (delayMs > 0) {
                vertx.setTimer(delayMs, t -> send.run());
              } else {
                send.run();
              }
            });
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
