package io.sovereignrouter.gateway.provider;

import io.sovereignrouter.gateway.config.TimeoutConfig;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.net.ConnectException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * Adapter for any server speaking the OpenAI HTTP API (OpenAI, vLLM, LM Studio, …). Request bodies
 * pass through unchanged apart from {@code model}, so fields this gateway does not know still reach
 * the provider; replies are forwarded byte for byte.
 */
public final class OpenAiCompatibleProvider implements ProviderAdapter {
  private static final int MAX_SSE_LINE_BYTES = 8 * 1024 * 1024;
  private final String id;
  private final Vertx vertx;
  private final HttpClientAgent client;
  private final String baseUrl;
  private final Optional<String> apiKey;
  private final Map<String, String> headers;
  private final TimeoutConfig timeouts;

  /**
   * @param id provider id
   * @param vertx owner of the pooled client
   * @param baseUrl API root including the version segment, without trailing slash
   * @param apiKey bearer credential, when the upstream needs one
   * @param headers extra static headers
   * @param timeouts deadlines
   * @param maxConnections pool size per upstream host
   */
  public OpenAiCompatibleProvider(
      String id,
      Vertx vertx,
      String baseUrl,
      Optional<String> apiKey,
      Map<String, String> headers,
      TimeoutConfig timeouts,
      int maxConnections) {
    this.id = id;
    this.vertx = vertx;
    this.baseUrl = stripTrailingSlash(URI.create(baseUrl).toString());
    this.apiKey = apiKey;
    this.headers = Map.copyOf(headers);
    this.timeouts = timeouts;
    HttpClientOptions options =
        new HttpClientOptions()
            .setKeepAlive(true)
            .setTcpNoDelay(true)
            .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeouts.connectMs()))
            .setDecompressionSupported(true)
            .setTrustAll(false)
            .setVerifyHost(true);
    this.client =
        vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(maxConnections));
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public Future<UpstreamReply> chat(UpstreamCall call) {
    return withDeadline(
        call, abort -> post("/chat/completions", call, false, abort).compose(this::readJson));
  }

  @Override
  public Future<UpstreamReply> embed(UpstreamCall call) {
    return withDeadline(
        call, abort -> post("/embeddings", call, false, abort).compose(this::readJson));
  }

  @Override
  public Future<StreamSummary> streamChat(UpstreamCall call, ChunkSink sink) {
    return post("/chat/completions", call, true, call.clientGone())
        .compose(
            response -> {
              if (response.statusCode() / 100 != 2) {
                return response
                    .body()
                    .compose(
                        body ->
                            Future.failedFuture(
                                ProviderFailure.status(
                                    id,
                                    response.statusCode(),
                                    body,
                                    response.getHeader("Retry-After"))));
              }
              String type =
                  Optional.ofNullable(response.getHeader(HttpHeaders.CONTENT_TYPE)).orElse("");
              if (!type.startsWith("text/event-stream")) {
                return response
                    .body()
                    .compose(
                        body ->
                            Future.failedFuture(
                                ProviderFailure.protocol(
                                    id, "expected text/event-stream, got " + type)));
              }
              return relay(response, sink, call);
            });
  }

  /**
   * Forwards SSE events until {@code [DONE]}. A stall (no bytes for {@code first-byte-ms} while we
   * are reading), a malformed chunk, a reset or an end without {@code [DONE]} fails the stream.
   */
  private Future<StreamSummary> relay(
      HttpClientResponse response, ChunkSink sink, UpstreamCall call) {
    Promise<StreamSummary> done = Promise.promise();
    StallTimer stall =
        new StallTimer(
            vertx,
            timeouts.firstByteMs(),
            () -> {
              done.tryFail(ProviderFailure.timeout(id, timeouts.firstByteMs()));
              response.request().reset();
            });
    done.future().onComplete(ar -> stall.stop());
    int[] forwarded = {0};
    SseEventParser parser =
        new SseEventParser(
            MAX_SSE_LINE_BYTES,
            data -> {
              if (done.future().isComplete()) {
                return;
              }
              if (data.equals("[DONE]")) {
                done.tryComplete(new StreamSummary(forwarded[0]));
                return;
              }
              if (!isJsonObject(data)) {
                done.tryFail(
                    ProviderFailure.protocol(id, "malformed stream chunk (not a JSON object)"));
                response.request().reset();
                return;
              }
              forwarded[0]++;
              Future<Void> written = sink.send(data);
              if (!written.isComplete()) {
                // The client is slow, not the provider: the stall clock stops while paused.
                response.pause();
                stall.stop();
                written.onComplete(
                    ar -> {
                      stall.restart();
                      response.resume();
                    });
              }
            });
    response.handler(
        buffer -> {
          stall.restart();
          try {
            parser.handle(buffer);
          } catch (IllegalStateException tooLong) {
            done.tryFail(
                ProviderFailure.protocol(id, "SSE line over " + MAX_SSE_LINE_BYTES + " bytes"));
            response.request().reset();
          }
        });
    response.exceptionHandler(e -> done.tryFail(classify(e, call)));
    response.endHandler(
        v -> done.tryFail(ProviderFailure.protocol(id, "stream ended without [DONE]")));
    stall.restart();
    return done.future();
  }

  private Future<HttpClientResponse> post(
      String path, UpstreamCall call, boolean stream, Future<Void> abort) {
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setAbsoluteURI(baseUrl + path)
            .setConnectTimeout(timeouts.connectMs())
            .setIdleTimeout(timeouts.firstByteMs());
    MultiMap h =
        options.getHeaders() == null ? MultiMap.caseInsensitiveMultiMap() : options.getHeaders();
    headers.forEach(h::add);
    h.set(HttpHeaders.CONTENT_TYPE, "application/json");
    h.set(HttpHeaders.ACCEPT, stream ? "text/event-stream" : "application/json");
    h.set("X-Request-Id", call.requestId());
    apiKey.ifPresent(key -> h.set(HttpHeaders.AUTHORIZATION, "Bearer " + key));
    options.setHeaders(h);
    Buffer body = call.body().toBuffer();
    return client
        .request(options)
        .compose(
            request -> {
              abort.onComplete(v -> request.reset());
              return request.send(body);
            })
        .recover(e -> Future.failedFuture(classify(e, call)));
  }

  private Future<UpstreamReply> readJson(HttpClientResponse response) {
    return response
        .body()
        .compose(
            body -> {
              if (response.statusCode() / 100 != 2) {
                return Future.failedFuture(
                    ProviderFailure.status(
                        id, response.statusCode(), body, response.getHeader("Retry-After")));
              }
              try {
                new JsonObject(body);
              } catch (DecodeException | ClassCastException e) {
                return Future.failedFuture(
                    ProviderFailure.protocol(id, "reply is not a JSON object"));
              }
              return Future.succeededFuture(new UpstreamReply(body));
            });
  }

  /**
   * Runs a non-streaming exchange under {@code total-ms}: when the deadline passes or the client
   * leaves, the upstream request is reset and the call fails.
   */
  private <T> Future<T> withDeadline(
      UpstreamCall call, java.util.function.Function<Future<Void>, Future<T>> work) {
    Promise<Void> deadline = Promise.promise();
    long timer = vertx.setTimer(timeouts.totalMs(), t -> deadline.tryComplete());
    Future<Void> abort = Future.any(call.clientGone(), deadline.future()).mapEmpty();
    return work.apply(abort)
        .recover(
            e ->
                Future.failedFuture(
                    deadline.future().isComplete()
                        ? ProviderFailure.timeout(id, timeouts.totalMs())
                        : e))
        .eventually(
            () -> {
              vertx.cancelTimer(timer);
              return Future.succeededFuture();
            });
  }

  private ProviderFailure classify(Throwable e, UpstreamCall call) {
    if (e instanceof ProviderFailure failure) {
      return failure;
    }
    if (call.clientGone().isComplete()) {
      return ProviderFailure.cancelled(id);
    }
    if (e instanceof TimeoutException || e.getClass().getSimpleName().contains("Timeout")) {
      return ProviderFailure.timeout(id, timeouts.firstByteMs());
    }
    if (e instanceof ConnectException || e.getClass().getSimpleName().startsWith("Connect")) {
      return ProviderFailure.connect(id, e);
    }
    return ProviderFailure.protocol(id, "connection failed: " + e.getClass().getSimpleName());
  }

  @Override
  public Future<Void> close() {
    return client.close();
  }

  private static boolean isJsonObject(String data) {
    try {
      return io.vertx.core.json.Json.decodeValue(data) instanceof JsonObject;
    } catch (DecodeException e) {
      return false;
    }
  }

  private static String stripTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
