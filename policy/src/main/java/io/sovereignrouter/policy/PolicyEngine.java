package io.sovereignrouter.policy;

/**
 * Evaluates a Rego rule for an input, shaped like the OPA Java SDK's {@code evaluate(path, input)}
 * so an SDK-backed engine can replace the REST one when the SDK is served. Two engines must return
 * identical decisions on {@code policies/testdata/decision_vectors.json}: the embedded wasm engine
 * ({@link PolicyEngines#embedded()}) and an external OPA server (its REST Data API, {@code POST
 * /v1/data/<path>}, implemented in the gateway).
 *
 * <p><b>Blocking.</b> Implementations may block (the wasm engine waits for a free instance of its
 * pool; a server engine waits for the network). Never call them on an event loop: the gateway runs
 * them through {@code executeBlocking} or a worker executor.
 */
public interface PolicyEngine extends AutoCloseable {

  /** The path of the routing decision rule: {@code data.sovereign.route.decision}. */
  String DECISION_PATH = "sovereign/route/decision";

  /**
   * Evaluates the rule at {@code path} for a JSON input document.
   *
   * @param path the rule path with slashes, e.g. {@link #DECISION_PATH}
   * @param inputJson the input document
   * @return the rule's value as JSON (OPA's {@code result}, without the envelope)
   * @throws PolicyEvaluationException when the rule is undefined or the engine fails
   */
  String evaluateJson(String path, String inputJson);

  /**
   * Evaluates a decision rule for a typed input.
   *
   * @param path the rule path with slashes, e.g. {@link #DECISION_PATH}
   * @param input the input
   * @return the decision
   * @throws PolicyEvaluationException when the rule is undefined or the engine fails
   * @throws PolicyFormatException when the rule's value is not a decision
   */
  default Decision evaluate(String path, PolicyInput input) {
    return PolicyJson.parseDecision(evaluateJson(path, PolicyJson.formatInput(input)));
  }

  /**
   * A decision already cached for this input, without evaluating (cheap enough for an event loop).
   *
   * @param path the rule path
   * @param input the input
   * @return the cached decision, or empty (always empty for an engine without a cache)
   */
  default java.util.Optional<Decision> cached(String path, PolicyInput input) {
    return java.util.Optional.empty();
  }

  /**
   * Evaluates the routing decision ({@link #DECISION_PATH}).
   *
   * @param input the input
   * @return the decision
   * @throws PolicyEvaluationException when the engine fails
   */
  default Decision decide(PolicyInput input) {
    return evaluate(DECISION_PATH, input);
  }

  /**
   * Prepares the engine so that the first decisions are not much slower than the rest; blocks until
   * done. The embedded engine compiles every wasm instance of its pool now (about a second or two
   * each) instead of on first use. Does nothing by default.
   *
   * @throws PolicyEvaluationException when the engine cannot be prepared
   */
  default void warmUp() {}

  /** Releases the engine's resources; evaluations after close fail. */
  @Override
  void close();
}
