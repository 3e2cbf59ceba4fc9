package io.sovereignrouter.policy;

/**
 * Unchecked base of every failure in the policy module: malformed policy input or output, a broken
 * bundle, an engine that cannot evaluate. A policy <em>deny</em> is not an exception but a {@link
 * Decision.Deny} value.
 */
public class PolicyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message stating what was expected and what was seen.
   *
   * @param message the message; never key material or prompt text
   */
  public PolicyException(String message) {
    super(message);
  }

  /**
   * Creates an exception wrapping its cause.
   *
   * @param message the message; never key material or prompt text
   * @param cause the underlying failure
   */
  public PolicyException(String message, Throwable cause) {
    super(message, cause);
  }
}
