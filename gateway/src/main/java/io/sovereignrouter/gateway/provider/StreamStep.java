package io.sovereignrouter.gateway.provider;

/** What a stream translator decided about one upstream event. */
sealed interface StreamStep {
  /** Keep reading; {@code written} completes when the client took what was sent. */
  record Continue(io.vertx.core.Future<Void> written) implements StreamStep {}

  /** The upstream finished cleanly. */
  record Done() implements StreamStep {}

  /** The upstream broke the protocol or reported an error. */
  record Fail(ProviderFailure failure) implements StreamStep {}

  /** Continue without writing anything. */
  StreamStep SKIP = new Continue(io.vertx.core.Future.succeededFuture());
}
