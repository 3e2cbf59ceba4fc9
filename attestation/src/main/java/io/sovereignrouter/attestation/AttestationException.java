package io.sovereignrouter.attestation;

/** Base of every exception this module throws: malformed input, broken invariants, I/O. */
public class AttestationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message that states expected vs seen, never key material.
   *
   * @param message what went wrong
   */
  public AttestationException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a cause.
   *
   * @param message what went wrong
   * @param cause the underlying failure
   */
  public AttestationException(String message, Throwable cause) {
    super(message, cause);
  }
}
