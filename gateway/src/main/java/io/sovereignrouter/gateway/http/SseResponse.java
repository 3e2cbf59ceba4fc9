package io.sovereignrouter.gateway.http;

import io.sovereignrouter.gateway.provider.ChunkSink;
import io.sovereignrouter.gateway.routing.ClientProgress;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.util.function.Consumer;

/**
 * Writes OpenAI server-sent events to the client. The status line and headers go out with the first
 * chunk, so the fallback walk can still switch providers until then.
 */
final class SseResponse implements ChunkSink, ClientProgress {
  private static final Buffer DONE = Buffer.buffer("data: [DONE]\n\n");
  private final HttpServerResponse response;
  private final Consumer<HttpServerResponse> beforeFirstByte;
  private boolean committed;
  private long firstByteNanos;

  /**
   * @param response the client response
   * @param beforeFirstByte sets the routing headers once the serving provider is known
   */
  SseResponse(HttpServerResponse response, Consumer<HttpServerResponse> beforeFirstByte) {
    this.response = response;
    this.beforeFirstByte = beforeFirstByte;
  }

  @Override
  public Future<Void> send(String chunkJson) {
    if (response.closed()) {
      return Future.failedFuture("client disconnected");
    }
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
    }
    return response.write(
        Buffer.buffer(chunkJson.length() + 8)
            .appendString("data: ")
            .appendString(chunkJson)
            .appendString("\n\n"));
  }

  @Override
  public boolean committed() {
    return committed;
  }

  @Override
  public long firstByteNanos() {
    return firstByteNanos;
  }

  /** Ends a successful stream with the OpenAI terminator. */
  Future<Void> done() {
    return response.end(DONE);
  }

  /**
   * Ends a stream that broke after the first byte: an {@code error} event (which the OpenAI SDKs
   * raise as an exception) and no {@code [DONE]}, so no client mistakes it for a complete answer.
   */
  Future<Void> abort(ApiException error) {
    if (response.closed()) {
      return Future.succeededFuture();
    }
    return response.end(Buffer.buffer("data: ").appendBuffer(error.body()).appendString("\n\n"));
  }
}
