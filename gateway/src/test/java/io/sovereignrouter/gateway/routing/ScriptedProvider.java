package io.sovereignrouter.gateway.routing;

import io.sovereignrouter.gateway.provider.ChunkSink;
import io.sovereignrouter.gateway.provider.ProviderAdapter;
import io.sovereignrouter.gateway.provider.StreamSummary;
import io.sovereignrouter.gateway.provider.UpstreamCall;
import io.sovereignrouter.gateway.provider.UpstreamReply;
import io.vertx.core.Future;

/** A provider identity for routing tests; the walk calls a test lambda, never these methods. */
record ScriptedProvider(String id) implements ProviderAdapter {
  @Override
  public Future<UpstreamReply> chat(UpstreamCall call) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Future<StreamSummary> streamChat(UpstreamCall call, ChunkSink sink) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Future<UpstreamReply> embed(UpstreamCall call) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Future<Void> close() {
    return Future.succeededFuture();
  }
}
