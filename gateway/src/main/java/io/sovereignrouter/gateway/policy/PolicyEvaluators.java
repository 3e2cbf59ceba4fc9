package io.sovereignrouter.gateway.policy;

import io.sovereignrouter.gateway.config.PolicyConfig;
import io.sovereignrouter.policy.PolicyBundle;
import io.vertx.core.Vertx;
import java.time.Duration;

/** Builds the {@link PolicyEvaluator} a {@link PolicyConfig} asks for. */
public final class PolicyEvaluators {
  private PolicyEvaluators() {}

  /**
   * Creates the configured evaluator: the embedded engine on the built-in bundle, or a Web Client
   * to the OPA server at {@code server-url}.
   *
   * @param vertx the Vert.x instance
   * @param config the {@code policy} section
   * @return the evaluator; close it on shutdown
   */
  public static PolicyEvaluator create(Vertx vertx, PolicyConfig config) {
    return switch (config.engine()) {
      case EMBEDDED ->
          EmbeddedPolicyEvaluator.create(
              vertx, PolicyBundle.builtin(), config.poolSize(), config.decisionCacheSize());
      case SERVER ->
          new ServerPolicyEvaluator(
              WebOpaClient.create(
                  vertx, config.server().orElseThrow(), Duration.ofMillis(config.timeoutMs())));
    };
  }
}
