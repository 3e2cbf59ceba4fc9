package io.sovereignrouter.gateway.policy;

import io.sovereignrouter.policy.Decision;
import io.sovereignrouter.policy.PolicyFormatException;
import io.sovereignrouter.policy.PolicyInput;
import io.sovereignrouter.policy.PolicyJson;
import io.vertx.core.Future;
import java.util.Objects;
import java.util.Optional;

/**
 * Decisions from an external OPA server through an {@link OpaClient}. Formatting the input and
 * parsing the decision are cheap enough for the event loop; the call itself is non-blocking.
 */
public final class ServerPolicyEvaluator implements PolicyEvaluator {
  private final OpaClient client;

  /**
   * Creates the evaluator.
   *
   * @param client the OPA client, e.g. {@link WebOpaClient}
   */
  public ServerPolicyEvaluator(OpaClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  @Override
  public Future<Decision> evaluate(String path, PolicyInput input) {
    Objects.requireNonNull(path, "path");
    String inputJson = PolicyJson.formatInput(input);
    return client.evaluate(path, inputJson).compose(result -> decision(path, result));
  }

  private static Future<Decision> decision(String path, String result) {
    try {
      return Future.succeededFuture(PolicyJson.parseDecision(result));
    } catch (PolicyFormatException e) {
      return Future.failedFuture(
          new PolicyEngineException(
              PolicyEngineException.Kind.MALFORMED,
              "OPA server " + path + ": result is not a decision: " + e.getMessage(),
              e));
    }
  }

  @Override
  public String engine() {
    return "server";
  }

  @Override
  public Optional<String> policyDigest() {
    return Optional.empty();
  }

  @Override
  public Future<Void> close() {
    return client.close();
  }
}
