package io.sovereignrouter.sdk.admin;

import java.time.Instant;
import java.util.Objects;

/**
 * A tenant.
 *
 * @param id {@code tn_…}
 * @param name display name
 * @param suspended whether its keys are refused
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
