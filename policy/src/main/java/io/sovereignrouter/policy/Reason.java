package io.sovereignrouter.policy;

import java.util.Objects;
import java.util.Optional;

/**
 * A machine-readable deny reason. Request-level codes ({@code unknown_policy}, {@code
 * policy_not_allowed}, {@code origin_not_allowed}, {@code unknown_tier}, {@code
 * no_qualifying_candidate}) carry no candidate; per-candidate codes ({@code
 * missing_capability_tools}, {@code missing_capability_json_mode}, {@code
 * missing_capability_vision}, {@code context_length_exceeded}, {@code provider_not_allowed}, {@code
 * model_drift_rejected}, {@code tier_below_required}, {@code missing_witness_scopes}, {@code
 * latency_cap_exceeded}, {@code cost_cap_exceeded}, and {@code witness_<rejection code>} such as
 * {@code witness_expired} when unverified statements left it short of a tier) name the candidate.
 *
 * @param code the reason code, as in {@code policies/route.rego}
 * @param provider the candidate's provider, for per-candidate codes
 * @param model the candidate's model, for per-candidate codes
 */
public record Reason(String code, Optional<String> provider, Optional<String> model) {

  /** Validates: a reason names both provider and model, or neither. */
  public Reason {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(model, "model");
    if (provider.isPresent() != model.isPresent()) {
      throw new IllegalArgumentException(
          "reason " + code + ": expected provider and model together, got only one");
    }
  }

  /**
   * A request-level reason.
   *
   * @param code the reason code
   */
  public Reason(String code) {
    this(code, Optional.empty(), Optional.empty());
  }

  /**
   * A per-candidate reason.
   *
   * @param code the reason code
   * @param provider the candidate's provider
   * @param model the candidate's model
   */
  public Reason(String code, String provider, String model) {
    this(code, Optional.of(provider), Optional.of(model));
  }
}
