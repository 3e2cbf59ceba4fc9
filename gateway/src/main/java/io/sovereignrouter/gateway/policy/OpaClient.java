package io.sovereignrouter.gateway.policy;

import io.vertx.core.Future;

/**
 * Evaluates a rule of an OPA server, shaped like the OPA Java SDK's {@code evaluate(path, input)}
 * but asynchronous, so an SDK-backed client can replace {@link WebOpaClient} once the registry
 * serves the SDK.
 */
public interface OpaClient {

  /**
   * Evaluates the rule at {@code path} for an input ({@code POST /v1/data/<path>}).
   *
   * @param path the rule path with slashes, e.g. {@code sovereign/route/decision}
   * @param inputJson the input document
   * @return the rule's value as JSON; fails with {@link PolicyEngineException} when the server is
   *     unreachable or slow, answers other than 200, or the rule is undefined
   */
  Future<String> evaluate(String path, String inputJson);

  /**
   * Releases the client's connections.
   *
   * @return completes when closed
   */
  Future<Void> close();
}
