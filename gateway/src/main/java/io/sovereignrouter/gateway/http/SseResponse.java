package io.sovereignrouter.gateway.http;

import io.sovereignrouter.gateway.provider.ChunkSink;
import io.sovereignrouter.gateway.routing.ClientProgress;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Writes OpenAI server-sent events to the client. The status line and headers go out when the first
 * chunk arrives, so the fallback walk can still switch providers until then.
 *
 * <p>Each chunk is held until the next one arrives, so the last chunk of a successful stream can
 * carry {@code _sf_attestation} as an extra member. The official OpenAI SDKs treat a named SSE
 * event as one more chunk (and fail on it), while an extra member on a real chunk is ignored, so
 * this keeps unchanged clients working. Clients that want the named {@code sf_attestation} event
 * instead ask with {@code X-SF-Attestation-Event: 1}.
 */
final class SseResponse implements ChunkSink, ClientProgress {
  static final String EVENT_HEADER = "X-SF-Attestation-Event";
  private static final Buffer DONE = Buffer.buffer("data: [DONE]\n\n");
  private final HttpServerResponse response;
  private final Consumer<HttpServerResponse> beforeFirstByte;
  private final boolean namedEvent;
  private final boolean meteredOnly;
  private final MessageDigest content = sha256();
  private boolean committed;
  private long firstByteNanos;
  private String held;
  private JsonObject usage;

  /**
   * @param response the client response
   * @param beforeFirstByte sets the routing headers once the serving provider is known
   * @param namedEvent send the attestation as an {@code sf_attestation} event instead
   * @param meteredOnly the client did not ask for usage: the gateway asked for it only to meter the
   *     stream, so the usage-only chunk is read, not forwarded
   */
  SseResponse(
      HttpServerResponse response,
      Consumer<HttpServerResponse> beforeFirstByte,
      boolean namedEvent,
      boolean meteredOnly) {
    this.response = response;
    this.beforeFirstByte = beforeFirstByte;
    this.namedEvent = namedEvent;
    this.meteredOnly = meteredOnly;
  }

  @Override
  public Future<Void> send(String chunkJson) {
    if (response.closed()) {
      return Future.failedFuture("client disconnected");
    }
    if (chunkJson.contains("\"usage\":{")) {
      JsonObject chunk = new JsonObject(chunkJson);
      usage = chunk.getJsonObject("usage");
      if (meteredOnly
          && chunk.getJsonArray("choices", new io.vertx.core.json.JsonArray()).isEmpty()) {
        return Future.succeededFuture();
      }
    }
    // The attested response content: each chunk's JSON text as sent, followed by a newline.
    content.update(chunkJson.getBytes(StandardCharsets.UTF_8));
    content.update((byte) '\n');
    String previous = held;
    held = chunkJson;
    if (!committed) {
      committed = true;
      firstByteNanos = System.nanoTime();
      beforeFirstByte.accept(response);
      response
          .setStatusCode(200)
          .setChunked(true)
          .putHeader("Content-Type", "text/event-stream; charset=utf-8")
          .putHeader("Cache-Control", "no-cache")
          .putHeader("X-Accel-Buffering", "no");
      return response.writeHead();
    }
    return response.write(data(previous));
  }

  private static Buffer data(String json) {
    return Buffer.buffer(json.length() + 8)
        .appendString("data: ")
        .appendString(json)
        .appendString("\n\n");
  }

  @Override
  public boolean committed() {
    return committed;
  }

  @Override
  public long firstByteNanos() {
    return firstByteNanos;
  }

  /** Ends a successful stream: the last chunk with its attestation, then {@code [DONE]}. */
  Future<Void> done(JsonObject attestation) {
    String last = held;
    held = null;
    Buffer tail;
    if (namedEvent || last == null) {
      tail = last == null ? Buffer.buffer() : data(last);
      tail.appendString("event: sf_attestation\ndata: ")
          .appendString(attestation.encode())
          .appendString("\n\n");
    } else {
      tail =
          data(
              Attestations.splice(Buffer.buffer(last), attestation)
                  .toString(StandardCharsets.UTF_8));
    }
    return response.write(tail).compose(v -> response.end(DONE));
  }

  /**
   * Ends a stream that broke after the first byte: what was received, an {@code error} event (which
   * the OpenAI SDKs raise as an exception) and no {@code [DONE]}, so no client mistakes it for a
   * complete answer.
   */
  Future<Void> abort(ApiException error) {
    if (response.closed()) {
      return Future.succeededFuture();
    }
    Buffer tail = held == null ? Buffer.buffer() : data(held);
    held = null;
    return response.end(
        tail.appendString("data: ").appendBuffer(error.body()).appendString("\n\n"));
  }

  /** SHA-256 over the chunks received so far. */
  byte[] contentSha256() {
    try {
      return ((MessageDigest) content.clone()).digest();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The usage object of the stream's usage chunk, when there was one. */
  Optional<JsonObject> usage() {
    return Optional.ofNullable(usage);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
