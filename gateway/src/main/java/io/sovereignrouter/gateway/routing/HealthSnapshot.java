package io.sovereignrouter.gateway.routing;

/**
 * Health of one provider+model at one moment, with the inputs of its score.
 *
 * @param key provider and model
 * @param samples attempts in the window
 * @param successRate successes / samples (1.0 with no samples)
 * @param ttfbP50Ms median time to first byte of successful attempts (0 without any)
 * @param ttfbP95Ms 95th percentile time to first byte
 * @param totalP50Ms median total time of successful attempts
 * @param totalP95Ms 95th percentile total time
 * @param consecutiveFailures failures since the last success
 * @param breaker breaker state
 * @param openForMs how long the breaker stays open (0 unless open)
 * @param score ordering score: lower is better
 */
public record HealthSnapshot(
    HealthKey key,
    int samples,
    double successRate,
    long ttfbP50Ms,
    long ttfbP95Ms,
    long totalP50Ms,
    long totalP95Ms,
    int consecutiveFailures,
    BreakerState breaker,
    long openForMs,
    double score) {}
