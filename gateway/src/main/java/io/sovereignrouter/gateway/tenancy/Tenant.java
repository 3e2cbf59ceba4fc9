package io.sovereignrouter.gateway.tenancy;

import java.time.Instant;
import java.util.Objects;

/**
 * A tenant: the unit of policy, spend and rate limits.
 *
 * @param id stable identifier ({@code tn_…})
 * @param name human-readable, unique
 * @param suspended suspended tenants are refused on every request
 * @param createdAt creation time
 */
public record Tenant(String id, String name, boolean suspended, Instant createdAt) {
  /** Validates. */
  public Tenant {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
