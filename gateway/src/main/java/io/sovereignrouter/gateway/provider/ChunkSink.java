package io.sovereignrouter.gateway.provider;

import io.vertx.core.Future;

/** Where a streaming adapter delivers OpenAI chunks, one SSE {@code data:} payload each. */
public interface ChunkSink {

  /**
   * Sends one chunk's JSON text. The returned future completes when the bytes are handed to the
   * client connection; adapters wait for it before producing more, which gives backpressure.
   */
  Future<Void> send(String chunkJson);

  /** Whether any chunk has been sent; once true, a failure can no longer fall back. */
  boolean committed();
}
