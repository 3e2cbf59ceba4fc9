package io.sovereignrouter.gateway.storage;

/** A database operation failed: an I/O or driver error, or a schema this build does not know. */
public class StorageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what failed
   */
  public StorageException(String message) {
    super(message);
  }

  /**
   * @param message what failed
   * @param cause the driver's error
   */
  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
