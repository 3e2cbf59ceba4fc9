package io.sovereignrouter.keystore;

/**
 * An operation needs a key-encryption key and none is configured; secrets are never stored in
 * plaintext.
 */
public final class MissingKekException extends KeystoreException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, without secret material
   */
  public MissingKekException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what went wrong, without secret material
   * @param cause the underlying failure
   */
  public MissingKekException(String message, Throwable cause) {
    super(message, cause);
  }
}
