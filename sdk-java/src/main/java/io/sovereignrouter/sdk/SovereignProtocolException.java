package io.sovereignrouter.sdk;

/**
 * The gateway answered something this SDK cannot read: malformed JSON, a stream without {@code
 * [DONE]}, or an answer without the attestation every routed reply must carry.
 */
public final class SovereignProtocolException extends SovereignException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was expected and what was seen
   */
  public SovereignProtocolException(String message) {
    super(message, null);
  }

  /**
   * Creates the exception.
   *
   * @param message what was expected and what was seen
   * @param cause the parse failure
   */
  public SovereignProtocolException(String message, Throwable cause) {
    super(message, cause);
  }
}
