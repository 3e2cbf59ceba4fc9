package io.sovereignrouter.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The tenant as the policy sees it.
 *
 * @param id the tenant id
 * @param allowedPolicies the named policies this tenant may use; the policy denies with {@code
 *     policy_not_allowed} for any other
 * @param minTier a tier every request of this tenant needs at least, raising the policy's tier
 */
public record Tenant(String id, List<String> allowedPolicies, Optional<String> minTier) {

  /** Validates and copies. */
  public Tenant {
    Objects.requireNonNull(id, "id");
    allowedPolicies = List.copyOf(allowedPolicies);
    Objects.requireNonNull(minTier, "minTier");
  }

  /**
   * A tenant without a minimum tier of its own.
   *
   * @param id the tenant id
   * @param allowedPolicies the named policies this tenant may use
   */
  public Tenant(String id, List<String> allowedPolicies) {
    this(id, allowedPolicies, Optional.empty());
  }

  /**
   * A tenant whose requests need at least {@code minTier}.
   *
   * @param id the tenant id
   * @param allowedPolicies the named policies this tenant may use
   * @param minTier the minimum tier, a name from the policy data's tier ladder
   */
  public Tenant(String id, List<String> allowedPolicies, String minTier) {
    this(id, allowedPolicies, Optional.of(minTier));
  }
}
