package io.sovereignrouter.sdk.admin;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A tenant: who calls the gateway, with its own keys, policies, caps and limits.
 *
 * @param id the tenant's id, {@code tn_…}
 * @param name its display name
 * @param suspended whether its keys are refused (403 {@code tenant_suspended})
 * @param createdAt when it was created
 * @param suspendedReason why it was suspended, while it is
 * @param suspendedAt since when, while it is
 * @param settings its policies, spend cap, rate limits, leak-scan action and key limit
 */
public record Tenant(
    String id,
    String name,
    boolean suspended,
    Instant createdAt,
    Optional<String> suspendedReason,
    Optional<Instant> suspendedAt,
    TenantSettings settings) {
  /** Validates. */
  public Tenant {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(suspendedReason, "suspendedReason");
    Objects.requireNonNull(suspendedAt, "suspendedAt");
    Objects.requireNonNull(settings, "settings");
  }
}
