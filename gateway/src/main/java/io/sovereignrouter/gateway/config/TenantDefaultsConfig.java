package io.sovereignrouter.gateway.config;

import java.util.List;
import java.util.Objects;

/**
 * Policy settings a tenant created without any gets.
 *
 * @param allowedPolicies policies a new tenant may select (default: all shipped ones)
 * @param defaultPolicy the policy used without {@code X-SF-Policy} (default {@code standard})
 */
public record TenantDefaultsConfig(List<String> allowedPolicies, String defaultPolicy) {
  /** Every shipped policy allowed; {@code standard} by default. */
  public static final TenantDefaultsConfig DEFAULT = new TenantDefaultsConfig(null, null);

  /** Fills defaults and checks the default is allowed. */
  public TenantDefaultsConfig {
    allowedPolicies =
        List.copyOf(
            Objects.requireNonNullElse(
                allowedPolicies, List.of("standard", "dev-open", "clinical-strict")));
    defaultPolicy = Objects.requireNonNullElse(defaultPolicy, "standard");
    if (!allowedPolicies.contains(defaultPolicy)) {
      throw new ConfigException(
          "tenant-defaults.default-policy must be one of allowed-policies " + allowedPolicies);
    }
  }
}
