package io.sovereignrouter.gateway.policy;

import io.sovereignrouter.policy.Decision;
import io.sovereignrouter.policy.PolicyEngine;
import io.sovereignrouter.policy.PolicyInput;
import io.vertx.core.Future;
import java.util.Optional;

/**
 * Decides stage 3 of a request without blocking the caller's event loop. Created by {@link
 * PolicyEvaluators#create}; implementations are safe to call from any thread.
 */
public interface PolicyEvaluator {

  /**
   * Evaluates a decision rule for an input.
   *
   * @param path the rule path with slashes, e.g. {@link PolicyEngine#DECISION_PATH}
   * @param input the input
   * @return the decision (a deny is a successful {@link Decision.Deny}); fails with {@link
   *     PolicyEngineException} when no decision can be made
   */
  Future<Decision> evaluate(String path, PolicyInput input);

  /**
   * Evaluates the routing decision ({@link PolicyEngine#DECISION_PATH}).
   *
   * @param input the input
   * @return the decision; fails with {@link PolicyEngineException} when none can be made
   */
  default Future<Decision> decide(PolicyInput input) {
    return evaluate(PolicyEngine.DECISION_PATH, input);
  }

  /**
   * Which engine decides, for logs and the decision record.
   *
   * @return {@code embedded} or {@code server}
   */
  String engine();

  /**
   * The digest of the policy that decides ({@code policy_digest}).
   *
   * @return {@code sha256:…} of the embedded bundle; empty for an OPA server, whose policy this
   *     gateway does not see
   */
  Optional<String> policyDigest();

  /**
   * Releases the engine, its worker pool or its connections.
   *
   * @return completes when closed
   */
  Future<Void> close();
}
