package io.sovereignrouter.gateway.tenancy;

/** A tenant with the requested name already exists. */
public final class DuplicateTenantException extends TenancyException {
  private static final long serialVersionUID = 1L;

  /**
   * @param name the taken name
   */
  public DuplicateTenantException(String name) {
    super("a tenant named '" + name + "' already exists");
  }
}
