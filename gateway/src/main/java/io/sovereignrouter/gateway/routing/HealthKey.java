package io.sovereignrouter.gateway.routing;

import java.util.Objects;

/**
 * What health is tracked for: one provider serving one upstream model.
 *
 * @param providerId provider id
 * @param model upstream model name
 */
public record HealthKey(String providerId, String model) {
  /** Validates. */
  public HealthKey {
    Objects.requireNonNull(providerId, "providerId");
    Objects.requireNonNull(model, "model");
  }
}
