package io.sovereignrouter.keystore;

/**
 * Base of every exception the keystore throws: malformed input, broken invariants, I/O and KMS
 * failures. Messages name references, key ids and expectations, never secret or key material.
 */
public class KeystoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what went wrong, without secret material
   */
  public KeystoreException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and a cause.
   *
   * @param message what went wrong, without secret material
   * @param cause the underlying failure
   */
  public KeystoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
