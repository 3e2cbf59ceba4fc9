package io.sovereignrouter.gateway.storage;

import io.sovereignrouter.gateway.spend.SpendLedger;
import io.sovereignrouter.gateway.tenancy.TenantRepository;

/**
 * One backend's repositories, as the contract tests see them.
 *
 * @param tenants tenants and keys
 * @param ledger spend and usage
 * @param release releases the backend
 */
public record Stores(TenantRepository tenants, SpendLedger ledger, Runnable release)
    implements AutoCloseable {
  @Override
  public void close() {
    release.run();
  }
}
