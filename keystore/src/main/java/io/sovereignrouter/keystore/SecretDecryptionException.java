package io.sovereignrouter.keystore;

/**
 * A ciphertext did not decrypt: tampered entry, wrong name binding, or a key-encryption key that is
 * not configured.
 */
public final class SecretDecryptionException extends KeystoreException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, without secret material
   */
  public SecretDecryptionException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what went wrong, without secret material
   * @param cause the underlying failure
   */
  public SecretDecryptionException(String message, Throwable cause) {
    super(message, cause);
  }
}
