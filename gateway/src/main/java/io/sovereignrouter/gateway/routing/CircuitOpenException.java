package io.sovereignrouter.gateway.routing;

/** Every candidate's circuit breaker is open: nothing was attempted. */
public final class CircuitOpenException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final long retryAfterMs;

  /**
   * @param retryAfterMs when the first breaker lets a probe through
   */
  public CircuitOpenException(long retryAfterMs) {
    super("every candidate's circuit breaker is open", null, false, false);
    this.retryAfterMs = retryAfterMs;
  }

  /** Milliseconds until a candidate admits a probe. */
  public long retryAfterMs() {
    return retryAfterMs;
  }
}
