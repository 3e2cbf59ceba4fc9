package io.sovereignrouter.gateway.tenancy;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A tenant: the unit of policy, spend and rate limits.
 *
 * @param id stable identifier ({@code tn_…})
 * @param name human-readable, unique
 * @param settings operator-set policy, caps and limits
 * @param suspension set while an operator has suspended the tenant
 * @param createdAt creation time
 */
public record Tenant(
    String id,
    String name,
    TenantSettings settings,
    Optional<Suspension> suspension,
    Instant createdAt) {
  /** Validates. */
  public Tenant {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(suspension, "suspension");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** Suspended tenants are refused on every request. */
  public boolean suspended() {
    return suspension.isPresent();
  }

  /**
   * Why and since when a tenant is suspended.
   *
   * @param reason operator's words, shown to the admin API only
   * @param since when it started
   */
  public record Suspension(String reason, Instant since) {
    /** Validates. */
    public Suspension {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(since, "since");
    }
  }
}
