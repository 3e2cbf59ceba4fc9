package io.sovereignrouter.gateway.config;

import java.util.Objects;

/**
 * How the fallback walk behaves; every setting is optional.
 *
 * @param maxAttempts most providers tried for one request (default 3)
 * @param totalTimeoutMs no new attempt starts after this long (default 600000)
 * @param health health window and circuit breaker
 */
public record RoutingConfig(Integer maxAttempts, Long totalTimeoutMs, HealthConfig health) {
  /** All defaults. */
  public static final RoutingConfig DEFAULT = new RoutingConfig(null, null, null);

  /** Fills defaults and checks ranges. */
  public RoutingConfig {
    maxAttempts = Objects.requireNonNullElse(maxAttempts, 3);
    totalTimeoutMs = Objects.requireNonNullElse(totalTimeoutMs, 600_000L);
    health = Objects.requireNonNullElse(health, HealthConfig.DEFAULT);
    if (maxAttempts < 1 || maxAttempts > 20) {
      throw new ConfigException("routing.max-attempts must be in 1..20, was " + maxAttempts);
    }
    if (totalTimeoutMs < 1) {
      throw new ConfigException("routing.total-timeout-ms must be positive, was " + totalTimeoutMs);
    }
  }
}
