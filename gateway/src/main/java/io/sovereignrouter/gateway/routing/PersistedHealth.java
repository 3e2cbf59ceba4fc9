package io.sovereignrouter.gateway.routing;

import java.util.List;

/**
 * Health state that survives a restart.
 *
 * @param key provider and model
 * @param samples window, oldest first
 * @param consecutiveFailures failures since the last success
 * @param breaker breaker state
 * @param openUntilMs end of the open period, epoch millis
 * @param openForMs length of the current open period
 */
public record PersistedHealth(
    HealthKey key,
    List<HealthSample> samples,
    int consecutiveFailures,
    BreakerState breaker,
    long openUntilMs,
    long openForMs) {
  /** Copies the samples. */
  public PersistedHealth {
    samples = List.copyOf(samples);
  }
}
