package io.sovereignrouter.gateway.config;

import java.util.Objects;

/**
 * Circuit breaker per provider+model; every setting is optional. It opens after {@code
 * consecutiveFailures} failures in a row, or when at least {@code minSamples} attempts in the
 * window failed at {@code failureRate} or more; after {@code openMs} one probe request is let
 * through (half-open): success closes it, failure reopens it for twice as long, up to {@code
 * maxOpenMs}.
 *
 * @param enabled whether the breaker acts (default true)
 * @param consecutiveFailures default 5
 * @param failureRate default 0.5
 * @param minSamples default 20
 * @param openMs default 30000
 * @param maxOpenMs default 300000
 */
public record BreakerConfig(
    Boolean enabled,
    Integer consecutiveFailures,
    Double failureRate,
    Integer minSamples,
    Long openMs,
    Long maxOpenMs) {
  /** All defaults. */
  public static final BreakerConfig DEFAULT = new BreakerConfig(null, null, null, null, null, null);

  /** Fills defaults and checks ranges. */
  public BreakerConfig {
    enabled = Objects.requireNonNullElse(enabled, Boolean.TRUE);
    consecutiveFailures = Objects.requireNonNullElse(consecutiveFailures, 5);
    failureRate = Objects.requireNonNullElse(failureRate, 0.5);
    minSamples = Objects.requireNonNullElse(minSamples, 20);
    openMs = Objects.requireNonNullElse(openMs, 30_000L);
    maxOpenMs = Objects.requireNonNullElse(maxOpenMs, 300_000L);
    if (consecutiveFailures < 1 || minSamples < 1) {
      throw new ConfigException("routing.health.breaker thresholds must be positive");
    }
    if (!(failureRate > 0 && failureRate <= 1)) {
      throw new ConfigException(
          "routing.health.breaker.failure-rate must be in (0, 1], was " + failureRate);
    }
    if (openMs < 1 || maxOpenMs < openMs) {
      throw new ConfigException(
          "routing.health.breaker needs 0 < open-ms <= max-open-ms, was "
              + openMs
              + " and "
              + maxOpenMs);
    }
  }
}
