package io.sovereignrouter.gateway.policy;

/**
 * No decision could be made, so the request must not be served (map to 503 with {@code
 * Retry-After}). A policy deny is not this exception but a {@link
 * io.sovereignrouter.policy.Decision.Deny} value. Messages name the engine, the rule path and what
 * went wrong, never the input. No stack trace: the kind and message say everything.
 */
public final class PolicyEngineException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Kind {
    /** The OPA server could not be reached (refused, reset, DNS). */
    UNAVAILABLE,
    /** No answer within the configured deadline. */
    TIMEOUT,
    /** The OPA server answered with a status other than 200. */
    STATUS,
    /** The rule is undefined for the input (the policy produced no decision). */
    UNDEFINED,
    /** The answer is not a decision (bad JSON, wrong shape). */
    MALFORMED,
    /** The embedded engine failed (a wasm trap, interrupted, closed). */
    ENGINE
  }

  private final Kind kind;

  /**
   * Creates the exception.
   *
   * @param kind what went wrong
   * @param message expected vs seen, never the input
   * @param cause the underlying failure, or null
   */
  public PolicyEngineException(Kind kind, String message, Throwable cause) {
    super(message, cause, false, false);
    this.kind = java.util.Objects.requireNonNull(kind, "kind");
  }

  /**
   * What went wrong.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }
}
