package io.sovereignrouter.gateway.http;

/**
 * Rounds the moving parts of a policy input — latencies, success rates, token estimates — to coarse
 * steps, always in the pessimistic direction (latency and tokens up, success down). The policy then
 * sees the same input for most requests of a steady workload, so the embedded engine's decision
 * cache answers them (tens of microseconds instead of a wasm evaluation), and a cap is never passed
 * because of rounding.
 */
final class PolicyQuantizer {
  /** Latency step. */
  static final long LATENCY_STEP_MS = 25;

  private PolicyQuantizer() {}

  /** Latency rounded up to the step. */
  static long latency(long ms) {
    return ceil(ms, LATENCY_STEP_MS);
  }

  /** Success rate rounded down to a hundredth. */
  static double successRate(double rate) {
    return Math.floor(rate * 100 + 1e-9) / 100;
  }

  /**
   * Token counts rounded up with about 6% resolution: to 64 below 1024, else to an eighth of the
   * count's highest power of two.
   */
  static long tokens(long n) {
    if (n <= 0) {
      return 0;
    }
    long step = n < 1024 ? 64 : Long.highestOneBit(n) / 8;
    return ceil(n, step);
  }

  private static long ceil(long value, long step) {
    return ((value + step - 1) / step) * step;
  }
}
