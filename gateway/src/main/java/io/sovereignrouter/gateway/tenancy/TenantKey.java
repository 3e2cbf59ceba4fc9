package io.sovereignrouter.gateway.tenancy;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored tenant key record: never the secret, only its keyed hash.
 *
 * @param keyId the id part of {@code sk-router-<id>_<secret>}
 * @param tenantId owner
 * @param secretHash {@link KeyHasher} output
 * @param createdAt creation time
 * @param revokedAt revocation time, when revoked
 */
public record TenantKey(
    String keyId,
    String tenantId,
    String secretHash,
    Instant createdAt,
    Optional<Instant> revokedAt) {
  /** Validates. */
  public TenantKey {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(secretHash, "secretHash");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(revokedAt, "revokedAt");
  }

  /** Fingerprint shown in UIs and logs. */
  public String fingerprint() {
    return ApiKey.PREFIX + keyId;
  }

  /** Whether the key may authenticate at {@code now}. */
  public boolean activeAt(Instant now) {
    return revokedAt.map(r -> r.isAfter(now)).orElse(true);
  }

  /** Never prints the hash. */
  @Override
  public String toString() {
    return "TenantKey[" + fingerprint() + ", tenant=" + tenantId + "]";
  }
}
