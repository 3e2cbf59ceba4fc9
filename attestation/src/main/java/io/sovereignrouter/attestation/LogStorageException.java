package io.sovereignrouter.attestation;

/** An I/O failure or an inconsistency found in stored tiles, entries or checkpoints. */
public final class LogStorageException extends AttestationException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed
   */
  public LogStorageException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what failed
   * @param cause the I/O error
   */
  public LogStorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
