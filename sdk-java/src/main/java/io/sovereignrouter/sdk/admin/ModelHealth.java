package io.sovereignrouter.sdk.admin;

import java.util.Objects;

/**
 * Rolling health of one provider and model, as the fallback walk sees it.
 *
 * @param samples attempts in the window
 * @param successRate fraction of them that succeeded
 * @param ttfbP50Ms median time to first byte
 * @param ttfbP95Ms 95th percentile time to first byte
 * @param totalP50Ms median total time
 * @param totalP95Ms 95th percentile total time
 * @param consecutiveFailures failures since the last success
 * @param breaker circuit breaker state: {@code closed}, {@code open} or {@code half_open}
 * @param openForMs how much longer the breaker stays open
 * @param score the score the fallback walk orders candidates by
 */
public record ModelHealth(
    int samples,
    double successRate,
    long ttfbP50Ms,
    long ttfbP95Ms,
    long totalP50Ms,
    long totalP95Ms,
    int consecutiveFailures,
    String breaker,
    long openForMs,
    double score) {
  /** Validates. */
  public ModelHealth {
    Objects.requireNonNull(breaker, "breaker");
  }
}
