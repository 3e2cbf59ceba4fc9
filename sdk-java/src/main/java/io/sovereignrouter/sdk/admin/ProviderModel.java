package io.sovereignrouter.sdk.admin;

import java.util.Objects;
import java.util.Optional;

/**
 * A model a provider serves, and its health.
 *
 * @param id the model id clients use
 * @param upstream the provider's own id for it
 * @param kind {@code chat} or {@code embedding}
 * @param health rolling health, once the model has been called
 */
public record ProviderModel(String id, String upstream, String kind, Optional<ModelHealth> health) {
  /** Validates. */
  public ProviderModel {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(upstream, "upstream");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(health, "health");
  }
}
