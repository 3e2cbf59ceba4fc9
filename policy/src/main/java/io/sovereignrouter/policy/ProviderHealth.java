package io.sovereignrouter.policy;

/**
 * Rolling health of one provider and model as the fallback walk measures it (issue 3).
 *
 * @param p50Ms median latency
 * @param p95Ms 95th percentile latency; the policy's latency cap applies to it
 * @param successRate share of successful calls in [0, 1]
 * @param healthy false while the circuit breaker is open
 */
public record ProviderHealth(long p50Ms, long p95Ms, double successRate, boolean healthy) {

  /** Health of a pair without measurements yet: no latency, full success, healthy. */
  public static final ProviderHealth UNMEASURED = new ProviderHealth(0, 0, 1.0, true);

  /** Validates. */
  public ProviderHealth {
    if (p50Ms < 0 || p95Ms < 0) {
      throw new IllegalArgumentException("latency: expected >= 0, got " + p50Ms + ", " + p95Ms);
    }
    if (!(successRate >= 0 && successRate <= 1)) {
      throw new IllegalArgumentException("successRate: expected in [0, 1], got " + successRate);
    }
  }
}
