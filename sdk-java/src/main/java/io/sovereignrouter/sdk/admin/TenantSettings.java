package io.sovereignrouter.sdk.admin;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A tenant's settings as the gateway holds them.
 *
 * @param allowedPolicies the policies its requests may name in {@code X-SF-Policy}
 * @param defaultPolicy the policy used when a request names none
 * @param spendCap its spend cap, if any
 * @param rateLimits its rate limits, if any
 * @param leakScanAction what happens to credentials found in its requests
 * @param maxActiveKeys how many unrevoked keys it may hold
 */
public record TenantSettings(
    List<String> allowedPolicies,
    String defaultPolicy,
    Optional<SpendCap> spendCap,
    Optional<RateLimits> rateLimits,
    LeakScanAction leakScanAction,
    int maxActiveKeys) {
  /** Validates and copies. */
  public TenantSettings {
    allowedPolicies = List.copyOf(allowedPolicies);
    Objects.requireNonNull(defaultPolicy, "defaultPolicy");
    Objects.requireNonNull(spendCap, "spendCap");
    Objects.requireNonNull(rateLimits, "rateLimits");
    Objects.requireNonNull(leakScanAction, "leakScanAction");
  }
}
