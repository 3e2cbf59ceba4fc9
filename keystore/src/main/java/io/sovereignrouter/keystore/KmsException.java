package io.sovereignrouter.keystore;

/**
 * A KMS call failed or returned something that does not verify (transport, auth, checksum, unknown
 * key).
 */
public final class KmsException extends KeystoreException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, without secret material
   */
  public KmsException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what went wrong, without secret material
   * @param cause the underlying failure
   */
  public KmsException(String message, Throwable cause) {
    super(message, cause);
  }
}
