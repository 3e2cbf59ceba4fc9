package io.sovereignrouter.gateway.tenancy;

/** The tenant already holds as many active keys as its settings allow. */
public final class KeyQuotaExceededException extends TenancyException {
  private static final long serialVersionUID = 1L;

  /**
   * @param max the tenant's {@code max_active_keys}
   */
  public KeyQuotaExceededException(int max) {
    super("the tenant already holds its maximum of " + max + " active keys; revoke one first");
  }
}
