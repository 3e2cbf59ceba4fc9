package io.sovereignrouter.gateway.tenancy;

import java.security.SecureRandom;

/** Issues new tenant keys: generates, stores the keyed hash, hands back the secret once. */
public final class KeyIssuer {
  private final TenantStore store;
  private final KeyHasher hasher;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param store where key records go
   * @param hasher keyed hash for the secret
   */
  public KeyIssuer(TenantStore store, KeyHasher hasher) {
    this.store = store;
    this.hasher = hasher;
  }

  /**
   * Issues a fresh key for {@code tenantId}.
   *
   * @return the key, whose secret the caller shows exactly once
   */
  public IssuedKey issue(String tenantId) {
    return register(tenantId, ApiKey.generate(random));
  }

  /**
   * Issues a fresh key and lets the tenant's current keys expire after {@code overlap}.
   *
   * @return the new key (its secret shown once) and the keys now expiring
   */
  public Rotation rotate(String tenantId, java.time.Duration overlap) {
    ApiKey key = ApiKey.generate(random);
    java.time.Instant now = java.time.Instant.now();
    TenantKey record =
        new TenantKey(key.keyId(), tenantId, hasher.hash(key), now, java.util.Optional.empty());
    java.util.List<TenantKey> expiring = store.rotateKeys(tenantId, record, now.plus(overlap));
    return new Rotation(new IssuedKey(key, record), expiring, now.plus(overlap));
  }

  /**
   * A finished rotation.
   *
   * @param issued the new key
   * @param expiring the previous keys, valid until {@code until}
   * @param until when the previous keys stop working
   */
  public record Rotation(
      IssuedKey issued, java.util.List<TenantKey> expiring, java.time.Instant until) {}

  /** Stores an existing key (e.g. the demo key file re-registered after a database reset). */
  public IssuedKey register(String tenantId, ApiKey key) {
    TenantKey record = store.addKey(tenantId, key.keyId(), hasher.hash(key));
    return new IssuedKey(key, record);
  }

  /**
   * A key just issued.
   *
   * @param key the full key, secret included
   * @param record what was stored
   */
  public record IssuedKey(ApiKey key, TenantKey record) {}
}
