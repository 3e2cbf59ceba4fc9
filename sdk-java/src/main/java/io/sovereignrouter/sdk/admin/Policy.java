package io.sovereignrouter.sdk.admin;

import java.util.List;
import java.util.Objects;

/**
 * A routing policy the gateway knows, and the tenants bound to it.
 *
 * @param id the policy id, as sent in {@code X-SF-Policy}
 * @param allowedTenants tenants that may use it
 * @param defaultForTenants tenants whose default it is
 */
public record Policy(String id, List<String> allowedTenants, List<String> defaultForTenants) {
  /** Validates and copies. */
  public Policy {
    Objects.requireNonNull(id, "id");
    allowedTenants = List.copyOf(allowedTenants);
    defaultForTenants = List.copyOf(defaultForTenants);
  }
}
