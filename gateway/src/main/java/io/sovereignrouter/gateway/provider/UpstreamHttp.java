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
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.core.parsetools.RecordParser;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The HTTP side every adapter shares: a pooled client, deadlines (connect, first byte, total, stall
 * between streamed events), cancellation when the client leaves, error classification, and the read
 * loop of streamed replies with backpressure. Adapters only translate.
 */
final class UpstreamHttp {
  static final int MAX_EVENT_LINE_BYTES = 8 * 1024 * 1024;
  private final String providerId;
  private final Vertx vertx;
  private final HttpClientAgent client;
  private final String baseUrl;
  private final TimeoutConfig timeouts;

  UpstreamHttp(
      String providerId, Vertx vertx, String baseUrl, TimeoutConfig timeouts, int maxConnections) {
    this.providerId = providerId;
    this.vertx = vertx;
    String root = URI.create(baseUrl).toString();
    this.baseUrl = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
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

  String providerId() {
    return providerId;
  }

  TimeoutConfig timeouts() {
    return timeouts;
  }

  /** Sends one request; {@code abort} completing resets it. Never fails with a raw exception. */
  Future<HttpClientResponse> send(
      HttpMethod method,
      String path,
      MultiMap headers,
      Buffer body,
      UpstreamCall call,
      Future<Void> abort) {
    RequestOptions options =
        new RequestOptions()
            .setMethod(method)
            .setAbsoluteURI(baseUrl + path)
            .setConnectTimeout(timeouts.connectMs())
            .setIdleTimeout(timeouts.firstByteMs())
            .setHeaders(headers);
    return client
        .request(options)
        .compose(
            request -> {
              abort.onComplete(v -> request.reset());
              return body == null ? request.send() : request.send(body);
            })
        .recover(e -> Future.failedFuture(classify(e, call)));
  }

  /** A JSON POST; the caller adds authentication and provider headers. */
  Future<HttpClientResponse> postJson(
      String path,
      MultiMap headers,
      JsonObject body,
      boolean stream,
      UpstreamCall call,
      Future<Void> abort) {
    headers.set(HttpHeaders.CONTENT_TYPE, "application/json");
    if (!headers.contains(HttpHeaders.ACCEPT)) {
      headers.set(HttpHeaders.ACCEPT, stream ? "text/event-stream" : "application/json");
    }
    headers.set("X-Request-Id", call.requestId());
    return send(HttpMethod.POST, path, headers, body.toBuffer(), call, abort);
  }

  /**
   * Runs a non-streaming exchange under {@code total-ms}: when the deadline passes or the client
   * leaves, the upstream request is reset and the call fails.
   */
  <T> Future<T> withDeadline(UpstreamCall call, Function<Future<Void>, Future<T>> work) {
    Promise<Void> deadline = Promise.promise();
    long timer = vertx.setTimer(timeouts.totalMs(), t -> deadline.tryComplete());
    Future<Void> abort = Future.any(call.clientGone(), deadline.future()).mapEmpty();
    return work.apply(abort)
        .recover(
            e ->
                Future.failedFuture(
                    deadline.future().isComplete()
                        ? ProviderFailure.timeout(providerId, timeouts.totalMs())
                        : e))
        .eventually(
            () -> {
              vertx.cancelTimer(timer);
              return Future.succeededFuture();
            });
  }

  /** The body of a 2xx answer, or a {@link ProviderFailure} carrying status and body. */
  Future<Buffer> okBody(HttpClientResponse response) {
    return response
        .body()
        .compose(
            body ->
                response.statusCode() / 100 == 2
                    ? Future.succeededFuture(body)
                    : Future.failedFuture(
                        ProviderFailure.status(
                            providerId,
                            response.statusCode(),
                            body,
                            response.getHeader("Retry-After"))));
  }

  /** The body of a 2xx answer parsed as a JSON object. */
  Future<JsonObject> okJson(HttpClientResponse response) {
    return okBody(response).compose(body -> parseObject(body.toString(StandardCharsets.UTF_8)));
  }

  /** Parses one JSON object or fails with a protocol error. */
  Future<JsonObject> parseObject(String text) {
    try {
      if (Json.decodeValue(text) instanceof JsonObject object) {
        return Future.succeededFuture(object);
      }
    } catch (DecodeException e) {
      // fall through: reported below without echoing upstream content
    }
    return Future.failedFuture(ProviderFailure.protocol(providerId, "reply is not a JSON object"));
  }

  /**
   * Fails unless a streaming answer is 2xx with the expected content type.
   *
   * @param contentType expected media type prefix
   */
  Future<HttpClientResponse> expectStream(HttpClientResponse response, String contentType) {
    if (response.statusCode() / 100 != 2) {
      return okBody(response).map(b -> response);
    }
    String type = String.valueOf(response.getHeader(HttpHeaders.CONTENT_TYPE));
    if (!type.startsWith(contentType)) {
      return response
          .body()
          .compose(
              b ->
                  Future.failedFuture(
                      ProviderFailure.protocol(
                          providerId, "expected " + contentType + ", got " + type)));
    }
    return Future.succeededFuture(response);
  }

  /**
   * Reads a streamed answer event by event until a step says done or fail. A stall (no bytes for
   * {@code first-byte-ms} while reading), a reset, an over-long line or an end before done fails
   * it. Reading pauses while the client has not taken what was sent, and the stall clock with it.
   */
  Future<StreamSummary> readEvents(
      HttpClientResponse response,
      Framing framing,
      UpstreamCall call,
      Function<String, StreamStep> onEvent) {
    Promise<StreamSummary> done = Promise.promise();
    StallTimer stall =
        new StallTimer(
            vertx,
            timeouts.firstByteMs(),
            () -> {
              done.tryFail(ProviderFailure.timeout(providerId, timeouts.firstByteMs()));
              response.request().reset();
            });
    done.future().onComplete(ar -> stall.stop());
    int[] events = {0};
    io.vertx.core.Handler<String> dispatch =
        data -> {
          if (done.future().isComplete()) {
            return;
          }
          events[0]++;
          switch (onEvent.apply(data)) {
            case StreamStep.Done d -> done.tryComplete(new StreamSummary(events[0]));
            case StreamStep.Fail f -> {
              done.tryFail(f.failure());
              response.request().reset();
            }
            case StreamStep.Continue c -> {
              if (!c.written().isComplete()) {
                response.pause();
                stall.stop();
                c.written()
                    .onComplete(
                        ar -> {
                          if (ar.failed()) {
                            done.tryFail(ProviderFailure.cancelled(providerId));
                            response.request().reset();
                            return;
                          }
                          stall.restart();
                          response.resume();
                        });
              }
            }
          }
        };
    io.vertx.core.Handler<Buffer> parser =
        switch (framing) {
          case SSE -> new SseEventParser(MAX_EVENT_LINE_BYTES, dispatch);
          case NDJSON -> ndjson(dispatch);
          case AWS_EVENT_STREAM -> new AwsEventStreamParser(dispatch);
        };
    response.handler(
        buffer -> {
          stall.restart();
          try {
            parser.handle(buffer);
          } catch (RuntimeException corrupt) {
            // Over-long lines, bad frame CRCs: the stream cannot be trusted any further.
            done.tryFail(
                ProviderFailure.protocol(
                    providerId,
                    "unreadable stream framing (" + corrupt.getClass().getSimpleName() + ")"));
            response.request().reset();
          }
        });
    response.exceptionHandler(e -> done.tryFail(classify(e, call)));
    response.endHandler(
        v ->
            done.tryFail(
                ProviderFailure.protocol(providerId, "stream ended before its final event")));
    stall.restart();
    return done.future();
  }

  /** {@link #readEvents} for events that are JSON objects; a non-object event fails the stream. */
  Future<StreamSummary> readJsonEvents(
      HttpClientResponse response,
      Framing framing,
      UpstreamCall call,
      Function<JsonObject, StreamStep> onEvent) {
    return readEvents(
        response,
        framing,
        call,
        data -> {
          try {
            return onEvent.apply(new JsonObject(data));
          } catch (DecodeException | ClassCastException e) {
            return new StreamStep.Fail(
                ProviderFailure.protocol(providerId, "malformed stream event"));
          }
        });
  }

  private static io.vertx.core.Handler<Buffer> ndjson(io.vertx.core.Handler<String> dispatch) {
    RecordParser lines =
        RecordParser.newDelimited(
            "\n",
            line -> {
              String text = line.toString(StandardCharsets.UTF_8).strip();
              if (!text.isEmpty()) {
                dispatch.handle(text);
              }
            });
    lines.maxRecordSize(MAX_EVENT_LINE_BYTES);
    return lines;
  }

  ProviderFailure classify(Throwable e, UpstreamCall call) {
    if (e instanceof ProviderFailure failure) {
      return failure;
    }
    if (call.clientGone().isComplete()) {
      return ProviderFailure.cancelled(providerId);
    }
    if (e instanceof TimeoutException || e.getClass().getSimpleName().contains("Timeout")) {
      return ProviderFailure.timeout(providerId, timeouts.firstByteMs());
    }
    if (e instanceof ConnectException || e.getClass().getSimpleName().startsWith("Connect")) {
      return ProviderFailure.connect(providerId, e);
    }
    return ProviderFailure.protocol(
        providerId, "connection failed: " + e.getClass().getSimpleName());
  }

  Future<Void> close() {
    return client.close();
  }
}
