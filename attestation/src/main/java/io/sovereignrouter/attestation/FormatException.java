package io.sovereignrouter.attestation;

/** Malformed wire input: a checkpoint, note, key, tile, proof or envelope that does not parse. */
public final class FormatException extends AttestationException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message expected vs seen
   */
  public FormatException(String message) {
    super(message);
  }

  /**
   * Creates the exception wrapping a JDK parse error.
   *
   * @param message expected vs seen
   * @param cause the JDK exception
   */
  public FormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
