package io.sovereignrouter.gateway.tenancy;

import io.vertx.core.Future;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Issues new tenant keys: generates, stores the keyed hash, hands back the secret once. */
public final class KeyIssuer {
  private final TenantRepository store;
  private final KeyHasher hasher;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param store where key records go
   * @param hasher keyed hash for the secret
   */
  public KeyIssuer(TenantRepository store, KeyHasher hasher) {
    this.store = store;
    this.hasher = hasher;
  }

  /**
   * Issues a fresh key for {@code tenant}, within its {@code max_active_keys}.
   *
   * @return the key, whose secret the caller shows exactly once
   */
  public Future<IssuedKey> issue(Tenant tenant) {
    return register(tenant, ApiKey.generate(random));
  }

  /**
   * Issues a fresh key and lets the tenant's current keys expire after {@code overlap}. A rotation
   * replaces keys, so it is not held to the key quota.
   *
   * @return the new key (its secret shown once) and the keys now expiring
   */
  public Future<Rotation> rotate(String tenantId, Duration overlap) {
    ApiKey key = ApiKey.generate(random);
    TenantKey record = record(tenantId, key);
    Instant until = record.createdAt().plus(overlap);
    return store
        .rotateKeys(tenantId, record, until)
        .map(expiring -> new Rotation(new IssuedKey(key, record), expiring, until));
  }

  /**
   * A finished rotation.
   *
   * @param issued the new key
   * @param expiring the previous keys, valid until {@code until}
   * @param until when the previous keys stop working
   */
  public record Rotation(IssuedKey issued, List<TenantKey> expiring, Instant until) {}

  /** Stores an existing key (e.g. the demo key file re-registered after a database reset). */
  public Future<IssuedKey> register(Tenant tenant, ApiKey key) {
    TenantKey record = record(tenant.id(), key);
    return store
        .addKey(record, tenant.settings().maxActiveKeys())
        .map(stored -> new IssuedKey(key, stored));
  }

  private TenantKey record(String tenantId, ApiKey key) {
    return new TenantKey(
        key.keyId(),
        tenantId,
        hasher.hash(key),
        Instant.ofEpochMilli(System.currentTimeMillis()),
        Optional.empty());
  }

  /**
   * A key just issued.
   *
   * @param key the full key, secret included
   * @param record what was stored
   */
  public record IssuedKey(ApiKey key, TenantKey record) {}
}
