package io.sovereignrouter.gateway.tenancy;

import io.sovereignrouter.gateway.tenancy.Authentication.Authenticated;
import io.sovereignrouter.gateway.tenancy.Authentication.RejectReason;
import io.sovereignrouter.gateway.tenancy.Authentication.Rejected;
import java.time.Clock;
import java.util.Optional;

/**
 * Stage 1 core: resolves an {@code Authorization} header to a tenant. Blocking (it reads the
 * store), so the gateway calls it on a worker thread.
 */
public final class Authenticator {
  private static final String BEARER = "bearer ";
  private final TenantStore store;
  private final KeyHasher hasher;
  private final Clock clock;

  /**
   * @param store key and tenant records
   * @param hasher keyed hash used when the keys were issued
   * @param clock revocation reference time
   */
  public Authenticator(TenantStore store, KeyHasher hasher, Clock clock) {
    this.store = store;
    this.hasher = hasher;
    this.clock = clock;
  }

  /** Resolves the raw header value, which may be absent. */
  public Authentication authenticate(Optional<String> authorization) {
    Optional<String> token =
        authorization
            .filter(h -> h.regionMatches(true, 0, BEARER, 0, BEARER.length()))
            .map(h -> h.substring(BEARER.length()).trim())
            .filter(t -> !t.isEmpty());
    if (token.isEmpty()) {
      return new Rejected(RejectReason.MISSING);
    }
    Optional<ApiKey> presented = ApiKey.parse(token.get());
    if (presented.isEmpty()) {
      return new Rejected(RejectReason.INVALID);
    }
    Optional<TenantKey> record = store.key(presented.get().keyId());
    if (record.isEmpty() || !hasher.matches(presented.get(), record.get().secretHash())) {
      return new Rejected(RejectReason.INVALID);
    }
    if (!record.get().activeAt(clock.instant())) {
      return new Rejected(RejectReason.REVOKED);
    }
    Optional<Tenant> tenant = store.tenant(record.get().tenantId());
    if (tenant.isEmpty()) {
      return new Rejected(RejectReason.INVALID);
    }
    if (tenant.get().suspended()) {
      return new Rejected(RejectReason.TENANT_SUSPENDED);
    }
    return new Authenticated(tenant.get(), record.get());
  }
}
