package io.sovereignrouter.gateway.tenancy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Blocking repository of tenants and their keys. Call it from worker threads only; SQLite is the
 * embedded backend, PostgreSQL arrives with the scale-out issue behind the same interface.
 */
public interface TenantStore {

  /** Creates a tenant; throws {@link TenancyException} when the name is taken. */
  Tenant createTenant(String name);

  /** All tenants, oldest first. */
  List<Tenant> tenants();

  /** Looks a tenant up by id. */
  Optional<Tenant> tenant(String tenantId);

  /** Stores a key record for an existing tenant. */
  TenantKey addKey(String tenantId, String keyId, String secretHash);

  /** Looks a key record up by its id. */
  Optional<TenantKey> key(String keyId);

  /** Keys of one tenant, oldest first. */
  List<TenantKey> keys(String tenantId);

  /** Marks a key revoked at {@code at}; returns false when no such active key exists. */
  boolean revokeKey(String tenantId, String keyId, Instant at);

  /**
   * Issues {@code fresh} and makes every other active key of the tenant expire at {@code
   * oldKeysUntil}, in one transaction, so clients can switch keys without an outage.
   *
   * @return the keys whose expiry was set
   */
  List<TenantKey> rotateKeys(String tenantId, TenantKey fresh, Instant oldKeysUntil);
}
