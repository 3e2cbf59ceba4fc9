package io.sovereignrouter.policy;

/**
 * Thrown when an engine cannot produce a decision: the wasm module traps, the OPA server is
 * unreachable or answers without a result (an undefined decision), the caller is interrupted.
 */
public final class PolicyEvaluationException extends PolicyException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was expected and what was seen
   */
  public PolicyEvaluationException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what was expected and what was seen
   * @param cause the underlying failure
   */
  public PolicyEvaluationException(String message, Throwable cause) {
    super(message, cause);
  }
}
