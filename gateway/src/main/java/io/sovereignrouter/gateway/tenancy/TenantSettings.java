package io.sovereignrouter.gateway.tenancy;

import io.sovereignrouter.gateway.scan.LeakAction;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an operator configures per tenant: which policies it may use, its spend cap, rate limits,
 * leak-scan action and key quota.
 *
 * @param allowedPolicies policy ids the tenant may select with {@code X-SF-Policy}
 * @param defaultPolicy the policy used when the header is absent; one of {@code allowedPolicies}
 * @param spendCap the spend cap, if any
 * @param rateLimits per-minute request and token limits
 * @param leakScanAction what stage 2 does with findings
 * @param maxActiveKeys how many unrevoked keys the tenant may hold at once
 */
public record TenantSettings(
    List<String> allowedPolicies,
    String defaultPolicy,
    Optional<SpendCap> spendCap,
    RateLimits rateLimits,
    LeakAction leakScanAction,
    int maxActiveKeys) {

  /** The most keys any tenant may hold; protects the key table from a runaway script. */
  public static final int KEY_LIMIT = 100;

  /** Settings of a tenant created without any: the {@code standard} policy, no caps. */
  public static final TenantSettings DEFAULT =
      new TenantSettings(
          List.of("standard"),
          "standard",
          Optional.empty(),
          RateLimits.NONE,
          LeakAction.REDACT,
          10);

  /** A copy with another leak-scan action. */
  public TenantSettings withLeakScanAction(LeakAction action) {
    return new TenantSettings(
        allowedPolicies, defaultPolicy, spendCap, rateLimits, action, maxActiveKeys);
  }

  /** A copy with other policy bindings. */
  public TenantSettings withPolicies(List<String> allowed, String defaultPolicy) {
    return new TenantSettings(
        allowed, defaultPolicy, spendCap, rateLimits, leakScanAction, maxActiveKeys);
  }

  /** Validates the cross-field rules. */
  public TenantSettings {
    allowedPolicies = List.copyOf(allowedPolicies);
    Objects.requireNonNull(defaultPolicy, "defaultPolicy");
    Objects.requireNonNull(spendCap, "spendCap");
    Objects.requireNonNull(rateLimits, "rateLimits");
    Objects.requireNonNull(leakScanAction, "leakScanAction");
    if (allowedPolicies.isEmpty()) {
      throw new InvalidSettingException("allowed_policies", "must name at least one policy");
    }
    if (allowedPolicies.stream().distinct().count() != allowedPolicies.size()) {
      throw new InvalidSettingException("allowed_policies", "must not repeat a policy");
    }
    if (!allowedPolicies.contains(defaultPolicy)) {
      throw new InvalidSettingException(
          "default_policy", "must be one of allowed_policies " + allowedPolicies);
    }
    if (maxActiveKeys < 1 || maxActiveKeys > KEY_LIMIT) {
      throw new InvalidSettingException("max_active_keys", "must be in 1.." + KEY_LIMIT);
    }
  }
}
