package io.sovereignrouter.gateway.provider;

import io.sovereignrouter.gateway.TestGateway;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback server speaking the OpenAI HTTP API from hand-written fixtures. The upstream model
 * name picks the behaviour; every request and every early connection close is recorded.
 */
public final class FakeOpenAiUpstream implements AutoCloseable {
  static final String FIXTURES = "/io/sovereignrouter/gateway/provider/fixtures/";
  static final String BAD_REQUEST_BODY =
      "{\"error\":{\"message\":\"Invalid value for 'temperature'.\",\"type\":\"invalid_request_error\","
          + "\"param\":\"temperature\",\"code\":\"invalid_value\"}}";

  /** What the upstream received. */
  public record Received(String path, MultiMap headers, JsonObject body) {}

  private final Vertx vertx = Vertx.vertx();
  private final HttpServer server;
  public final List<Received> received = new CopyOnWriteArrayList<>();

  /** Completed when a request for that model lost its connection before the response ended. */
  static final String FIRST_CHUNK =
      "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
          + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"part\"},\"finish_reason\":null}]}\n\n";

  final Map<String, Promise<Long>> closedEarly = new ConcurrentHashMap<>();

  final String chatFixture = TestGateway.resource(FIXTURES + "chat-completion.json");
  final String streamFixture = TestGateway.resource(FIXTURES + "chat-stream.sse");
  final String embeddingsFixture = TestGateway.resource(FIXTURES + "embeddings.json");

  public FakeOpenAiUpstream() {
    server = vertx.createHttpServer().requestHandler(this::handle).listen(0, "127.0.0.1").await();
  }

  public int port() {
    return server.actualPort();
  }

  Promise<Long> closed(String model) {
    return closedEarly.computeIfAbsent(model, m -> Promise.promise());
  }

  private void handle(HttpServerRequest request) {
    if (request.path().endsWith("/models")) {
      request
          .response()
          .putHeader("Content-Type", "application/json")
          .end(
              "{\"object\":\"list\",\"data\":[{\"id\":\"echo-model\",\"object\":\"model\",\"created\":1,"
                  + "\"owned_by\":\"vllm\"},{\"id\":\"Qwen/Qwen2.5-7B-Instruct\",\"object\":\"model\","
                  + "\"created\":1,\"owned_by\":\"vllm\"}]}");
      return;
    }
    request
        .body()
        .onSuccess(
            buffer -> {
              JsonObject body = new JsonObject(buffer);
              received.add(
                  new Received(
                      request.path(),
                      MultiMap.caseInsensitiveMultiMap().addAll(request.headers()),
                      body));
              String model = body.getString("model");
              HttpServerResponse response = request.response();
              long started = System.nanoTime();
              response.closeHandler(
                  v -> {
                    if (!response.ended()) {
                      closed(model).tryComplete((System.nanoTime() - started) / 1_000_000);
                    }
                  });
              boolean stream = Boolean.TRUE.equals(body.getValue("stream"));
              switch (model) {
                case "echo-model" -> {
                  if (stream) {
                    response
                        .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                        .end(streamFixture);
                  } else {
                    response.putHeader("Content-Type", "application/json").end(chatFixture);
                  }
                }
                case "emb" ->
                    response.putHeader("Content-Type", "application/json").end(embeddingsFixture);
                case "bad" ->
                    response
                        .setStatusCode(400)
                        .putHeader("Content-Type", "application/json")
                        .end(BAD_REQUEST_BODY);
                case "overloaded" ->
                    response
                        .setStatusCode(503)
                        .putHeader("Content-Type", "application/json")
                        .end(
                            "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\",\"param\":null,\"code\":null}}");
                case "html" ->
                    response
                        .putHeader("Content-Type", "text/html")
                        .end("<html>gateway error</html>");
                case "hold" -> {} // never answers
                case "no-done" ->
                    response
                        .setChunked(true)
                        .putHeader("Content-Type", "text/event-stream")
                        .end(
                            "data: {\"id\":\"x\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[]}\n\n");
                case "slow-stream" -> slowStream(response);
                case "rate-limited" ->
                    response
                        .setStatusCode(429)
                        .putHeader("Retry-After", "7")
                        .putHeader("Content-Type", "application/json")
                        .end(
                            "{\"error\":{\"message\":\"slow down\",\"type\":\"requests\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}");
                case "stall" ->
                    response
                        .setChunked(true)
                        .putHeader("Content-Type", "text/event-stream")
                        .write(FIRST_CHUNK);
                case "reset-mid" -> {
                  response
                      .setChunked(true)
                      .putHeader("Content-Type", "text/event-stream")
                      .write(FIRST_CHUNK);
                  vertx.setTimer(50, t -> request.connection().close());
                }
                case "malformed" ->
                    response
                        .setChunked(true)
                        .putHeader("Content-Type", "text/event-stream")
                        .write(FIRST_CHUNK)
                        .compose(v -> response.end("data: {\"id\": \"cut\n\ndata: [DONE]\n\n"));
                case "reset-before" -> request.connection().close();
                case "slow-first-byte" ->
                    vertx.setTimer(
                        1_500,
                        t -> {
                          if (!response.closed()) {
                            response.putHeader("Content-Type", "application/json").end(chatFixture);
                          }
                        });
                default ->
                    response
                        .setStatusCode(404)
                        .end(
                            "{\"error\":{\"message\":\"no such model\",\"type\":\"invalid_request_error\",\"param\":\"model\",\"code\":\"model_not_found\"}}");
              }
            });
  }

  /** One chunk every 20 ms, for 2000 chunks: long enough that only a disconnect ends it early. */
  private void slowStream(HttpServerResponse response) {
    response.setChunked(true).putHeader("Content-Type", "text/event-stream");
    Buffer chunk =
        Buffer.buffer(
            "data: {\"id\":\"s\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"tick\"},\"finish_reason\":null}]}\n\n");
    int[] sent = {0};
    vertx.setPeriodic(
        0,
        20,
        id -> {
          if (response.closed() || response.ended() || sent[0]++ >= 2000) {
            vertx.cancelTimer(id);
            if (!response.closed() && !response.ended()) {
              response.end("data: [DONE]\n\n");
            }
            return;
          }
          response.write(chunk);
        });
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
