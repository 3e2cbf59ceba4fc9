package io.sovereignrouter.gateway.tenancy;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Tenants and their keys. One contract, two backends (SQLite embedded, PostgreSQL for replicas);
 * every method is asynchronous so the PostgreSQL client never blocks a thread and the SQLite one
 * runs on a worker. Each mutating call is one transaction.
 */
public interface TenantRepository {

  /** Creates a tenant; fails with {@link DuplicateTenantException} when the name is taken. */
  Future<Tenant> createTenant(String name, TenantSettings settings);

  /** All tenants, oldest first. */
  Future<List<Tenant>> tenants();

  /** Looks a tenant up by id. */
  Future<Optional<Tenant>> tenant(String tenantId);

  /** Replaces a tenant's settings; empty when there is no such tenant. */
  Future<Optional<Tenant>> updateSettings(String tenantId, TenantSettings settings);

  /**
   * Suspends (with a reason) or, given an empty suspension, reinstates a tenant; empty when there
   * is no such tenant.
   */
  Future<Optional<Tenant>> setSuspension(String tenantId, Optional<Tenant.Suspension> suspension);

  /** Deletes a tenant and its keys; false when there was no such tenant. */
  Future<Boolean> deleteTenant(String tenantId);

  /**
   * Stores a key record for an existing tenant, refusing with {@link KeyQuotaExceededException}
   * when the tenant already holds {@code maxActiveKeys} keys active at {@code key.createdAt()}.
   */
  Future<TenantKey> addKey(TenantKey key, int maxActiveKeys);

  /** Looks a key record up by its id. */
  Future<Optional<TenantKey>> key(String keyId);

  /** Keys of one tenant, oldest first. */
  Future<List<TenantKey>> keys(String tenantId);

  /** Marks a key revoked at {@code at}; false when no such active key exists. */
  Future<Boolean> revokeKey(String tenantId, String keyId, Instant at);

  /**
   * Issues {@code fresh} and makes every other key of the tenant still valid at {@code
   * oldKeysUntil} expire then, in one transaction, so clients can switch keys without an outage.
   *
   * @return the keys whose expiry was set
   */
  Future<List<TenantKey>> rotateKeys(String tenantId, TenantKey fresh, Instant oldKeysUntil);
}
