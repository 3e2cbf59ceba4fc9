package io.sovereignrouter.gateway.tenancy;

import io.sovereignrouter.gateway.tenancy.Authentication.Authenticated;
import io.sovereignrouter.gateway.tenancy.Authentication.RejectReason;
import io.sovereignrouter.gateway.tenancy.Authentication.Rejected;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.Optional;

/**
 * Stage 1 core: resolves an {@code Authorization} header to a tenant. Reads the repository on every
 * call, so a revocation or suspension takes effect on the next request.
 */
public final class Authenticator {
  private static final String BEARER = "bearer ";
  private final TenantRepository store;
  private final KeyHasher hasher;
  private final Clock clock;

  /**
   * @param store key and tenant records
   * @param hasher keyed hash used when the keys were issued
   * @param clock revocation reference time
   */
  public Authenticator(TenantRepository store, KeyHasher hasher, Clock clock) {
    this.store = store;
    this.hasher = hasher;
    this.clock = clock;
  }

  /** Resolves the raw header value, which may be absent. */
  public Future<Authentication> authenticate(Optional<String> authorization) {
    Optional<String> token =
        authorization
            .filter(h -> h.regionMatches(true, 0, BEARER, 0, BEARER.length()))
            .map(h -> h.substring(BEARER.length()).trim())
            .filter(t -> !t.isEmpty());
    if (token.isEmpty()) {
      return Future.succeededFuture(new Rejected(RejectReason.MISSING));
    }
    Optional<ApiKey> presented = ApiKey.parse(token.get());
    if (presented.isEmpty()) {
      return Future.succeededFuture(new Rejected(RejectReason.INVALID));
    }
    return store
        .key(presented.get().keyId())
        .compose(
            record -> {
              if (record.isEmpty() || !hasher.matches(presented.get(), record.get().secretHash())) {
                return Future.succeededFuture(new Rejected(RejectReason.INVALID));
              }
              if (!record.get().activeAt(clock.instant())) {
                return Future.succeededFuture(new Rejected(RejectReason.REVOKED));
              }
              return store
                  .tenant(record.get().tenantId())
                  .map(tenant -> resolve(tenant, record.get()));
            });
  }

  private static Authentication resolve(Optional<Tenant> tenant, TenantKey key) {
    if (tenant.isEmpty()) {
      return new Rejected(RejectReason.INVALID);
    }
    if (tenant.get().suspended()) {
      return new Rejected(RejectReason.TENANT_SUSPENDED);
    }
    return new Authenticated(tenant.get(), key);
  }
}
