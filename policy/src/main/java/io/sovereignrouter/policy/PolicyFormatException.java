package io.sovereignrouter.policy;

/** Thrown when JSON handed to or returned by a policy engine does not have the expected shape. */
public final class PolicyFormatException extends PolicyException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was expected and what was seen
   */
  public PolicyFormatException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause (a JSON parse error, for instance).
   *
   * @param message what was expected and what was seen
   * @param cause the underlying failure
   */
  public PolicyFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
