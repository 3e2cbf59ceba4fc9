package io.sovereignrouter.gateway.scan;

/** Malformed scanner input: a rule file, a custom pattern or an allow-list entry. */
public class ScanException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * A failure with a message that states what was expected and what was seen.
   *
   * @param message the message (never a secret or a prompt)
   */
  public ScanException(String message) {
    super(message);
  }

  /**
   * A failure caused by a lower-level parse error.
   *
   * @param message the message
   * @param cause the parser's exception
   */
  public ScanException(String message, Throwable cause) {
    super(message, cause);
  }
}
