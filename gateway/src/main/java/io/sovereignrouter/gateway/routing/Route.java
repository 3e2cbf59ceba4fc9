package io.sovereignrouter.gateway.routing;

import io.sovereignrouter.gateway.config.ModelConfig;
import io.sovereignrouter.gateway.provider.ProviderAdapter;
import java.util.Objects;

/**
 * One candidate for a requested model: a provider and its name for the model.
 *
 * @param provider the adapter to call
 * @param model the model as that provider configures it
 * @param priority the operator's configured provider priority, lower first; an input of the policy,
 *     which may use it to rank providers it prefers equally (the walk itself never reads it)
 * @param rank the policy's preference for this candidate, 0 best (the chain entry's {@code rank});
 *     the walk tries lower ranks first and orders equal ranks by health. 0 until the policy ranked
 *     it
 */
public record Route(ProviderAdapter provider, ModelConfig model, int priority, int rank) {
  /** Validates. */
  public Route {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(model, "model");
    if (rank < 0) {
      throw new IllegalArgumentException("rank: expected >= 0, got " + rank);
    }
  }

  /**
   * A candidate the policy has not ranked yet.
   *
   * @param provider the adapter to call
   * @param model the model as that provider configures it
   * @param priority the operator's configured provider priority
   */
  public Route(ProviderAdapter provider, ModelConfig model, int priority) {
    this(provider, model, priority, 0);
  }

  /** This candidate with the policy's rank. */
  public Route withRank(int policyRank) {
    return new Route(provider, model, priority, policyRank);
  }

  /** The health key of this candidate. */
  public HealthKey healthKey() {
    return new HealthKey(provider.id(), model.upstream());
  }
}
