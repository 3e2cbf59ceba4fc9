package io.sovereignrouter.gateway.tenancy;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;

/** Construction rules shared by both repository backends. */
final class Tenants {
  private Tenants() {}

  /** A new, unsuspended tenant with a random id, timestamped to the millisecond stored. */
  static Tenant fresh(SecureRandom random, String name, TenantSettings settings) {
    return new Tenant(
        "tn_" + RandomTokens.draw(random, RandomTokens.BASE32, 16),
        name,
        settings,
        Optional.empty(),
        Instant.ofEpochMilli(System.currentTimeMillis()));
  }
}
