package io.sovereignrouter.keystore;

/** A secret reference or a stored entry is malformed (bad scheme, name or encoding). */
public final class SecretRefFormatException extends KeystoreException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, without secret material
   */
  public SecretRefFormatException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what went wrong, without secret material
   * @param cause the underlying failure
   */
  public SecretRefFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
