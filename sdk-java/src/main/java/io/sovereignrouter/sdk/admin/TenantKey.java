package io.sovereignrouter.sdk.admin;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A tenant key record: never the secret.
 *
 * @param keyId the id part of {@code sk-router-<id>_<secret>}
 * @param fingerprint the short id shown in UIs and logs
 * @param tenantId owner
 * @param createdAt creation time
 * @param revokedAt when it stops (or stopped) working: a revocation, or the end of a rotation's
 *     overlap
 */
public record TenantKey(
    String keyId,
    String fingerprint,
    String tenantId,
    Instant createdAt,
    Optional<Instant> revokedAt) {
  /** Validates. */
  public TenantKey {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(revokedAt, "revokedAt");
  }

  /**
   * Whether the key authenticates at {@code now}.
   *
   * @param now the instant
   * @return true unless revoked at or before {@code now}
   */
  public boolean activeAt(Instant now) {
    return revokedAt.map(r -> r.isAfter(now)).orElse(true);
  }
}
