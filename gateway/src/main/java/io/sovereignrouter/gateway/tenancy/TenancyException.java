package io.sovereignrouter.gateway.tenancy;

/** A tenancy store operation failed: a broken invariant (duplicate name) or an I/O error. */
public class TenancyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what failed
   */
  public TenancyException(String message) {
    super(message);
  }

  /**
   * @param message what failed
   * @param cause the driver's error
   */
  public TenancyException(String message, Throwable cause) {
    super(message, cause);
  }
}
