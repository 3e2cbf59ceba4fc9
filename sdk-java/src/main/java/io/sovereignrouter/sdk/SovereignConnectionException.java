package io.sovereignrouter.sdk;

/** The gateway could not be reached, or the exchange broke or timed out before an answer. */
public final class SovereignConnectionException extends SovereignException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed (no secrets)
   * @param cause the I/O failure
   */
  public SovereignConnectionException(String message, Throwable cause) {
    super(message, cause);
  }
}
