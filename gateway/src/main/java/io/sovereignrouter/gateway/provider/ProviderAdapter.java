package io.sovereignrouter.gateway.provider;

import io.vertx.core.Future;

/**
 * Stage 5: one upstream provider, spoken to in its own wire protocol and answered in the OpenAI
 * schema. Adapters run on the event loop and must never block it. A failed future carries a {@link
 * ProviderFailure}; credentials never appear in it.
 */
public interface ProviderAdapter {

  /** The configured provider id. */
  String id();

  /** Non-streaming chat completion; the reply body is an OpenAI {@code chat.completion}. */
  Future<UpstreamReply> chat(UpstreamCall call);

  /**
   * Streaming chat completion. Each OpenAI {@code chat.completion.chunk} goes to {@code sink}; the
   * future completes after the upstream's terminal {@code [DONE]}. A failure before the first
   * {@link ChunkSink#send} may be retried elsewhere; after it, the stream is committed.
   */
  Future<StreamSummary> streamChat(UpstreamCall call, ChunkSink sink);

  /** Embeddings; the reply body is an OpenAI embeddings {@code list}. */
  Future<UpstreamReply> embed(UpstreamCall call);

  /**
   * Model names the provider reports serving, for configs that ask for discovery. Providers without
   * a listing endpoint report none.
   *
   * @param call carries the deadline and cancellation of the discovery request
   */
  default Future<java.util.List<String>> discoverModels(UpstreamCall call) {
    return Future.succeededFuture(java.util.List.of());
  }

  /** Releases connections. */
  Future<Void> close();
}
