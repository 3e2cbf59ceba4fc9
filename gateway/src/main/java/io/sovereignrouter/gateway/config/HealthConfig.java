package io.sovereignrouter.gateway.config;

import java.util.Objects;

/**
 * Rolling health per provider+model; every setting is optional.
 *
 * @param windowSize most recent attempts kept (default 200)
 * @param windowMs attempts older than this are ignored (default 300000)
 * @param breaker circuit breaker
 * @param probe active probing of providers whose breaker is not closed
 */
public record HealthConfig(
    Integer windowSize, Long windowMs, BreakerConfig breaker, ProbeConfig probe) {
  /** All defaults. */
  public static final HealthConfig DEFAULT = new HealthConfig(null, null, null, null);

  /** Fills defaults and checks ranges. */
  public HealthConfig {
    windowSize = Objects.requireNonNullElse(windowSize, 200);
    windowMs = Objects.requireNonNullElse(windowMs, 300_000L);
    breaker = Objects.requireNonNullElse(breaker, BreakerConfig.DEFAULT);
    probe = Objects.requireNonNullElse(probe, ProbeConfig.DEFAULT);
    if (windowSize < 10 || windowSize > 10_000) {
      throw new ConfigException(
          "routing.health.window-size must be in 10..10000, was " + windowSize);
    }
    if (windowMs < 1_000) {
      throw new ConfigException("routing.health.window-ms must be at least 1000, was " + windowMs);
    }
  }
}
