package io.sovereignrouter.policy;

import java.util.List;
import java.util.Objects;

/**
 * A candidate the policy excluded.
 *
 * @param provider provider id
 * @param model the provider's model id
 * @param reasons per-candidate reason codes, sorted; never empty
 */
public record Exclusion(String provider, String model, List<String> reasons) {

  /** Validates and copies. */
  public Exclusion {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(model, "model");
    reasons = List.copyOf(reasons);
    if (reasons.isEmpty()) {
      throw new IllegalArgumentException("exclusion " + provider + "/" + model + ": no reasons");
    }
  }
}
