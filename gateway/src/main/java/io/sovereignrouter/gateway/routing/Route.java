package io.sovereignrouter.gateway.routing;

import io.sovereignrouter.gateway.config.ModelConfig;
import io.sovereignrouter.gateway.provider.ProviderAdapter;
import java.util.Objects;

/**
 * One candidate for a requested model: a provider and its name for the model.
 *
 * @param provider the adapter to call
 * @param model the model as that provider configures it
 * @param priority lower is preferred; health orders candidates of equal priority
 */
public record Route(ProviderAdapter provider, ModelConfig model, int priority) {
  /** Validates. */
  public Route {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(model, "model");
  }

  /** The health key of this candidate. */
  public HealthKey healthKey() {
    return new HealthKey(provider.id(), model.upstream());
  }
}
