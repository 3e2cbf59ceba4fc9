package io.sovereignrouter.gateway.routing;

/** Circuit breaker states. */
public enum BreakerState {
  /** Requests flow. */
  CLOSED,
  /** Requests are refused until the open period ends. */
  OPEN,
  /** One probe request may go through to decide between closed and open. */
  HALF_OPEN
}
