package io.sovereignrouter.gateway;

import io.sovereignrouter.gateway.tenancy.ApiKey;
import io.sovereignrouter.gateway.tenancy.KeyIssuer;
import io.sovereignrouter.gateway.tenancy.Tenant;
import io.sovereignrouter.gateway.tenancy.TenantStore;
import java.util.Optional;

/**
 * First-start convenience: a {@code demo} tenant whose key lives in {@code demo.key}. A later start
 * reuses the file; if the database was reset, the file's key is registered again.
 */
final class DemoTenant {
  static final String NAME = "demo";
  static final String KEY_FILE = "demo.key";

  private DemoTenant() {}

  /** Ensures the demo tenant and key exist; returns the key file's secret and whether it is new. */
  static Optional<DataDir.Secret> ensure(DataDir dir, TenantStore store, KeyIssuer issuer) {
    Optional<Tenant> demo = store.tenants().stream().filter(t -> t.name().equals(NAME)).findFirst();
    Optional<String> file = dir.readSecret(KEY_FILE);
    if (demo.isEmpty() && !store.tenants().isEmpty()) {
      // The operator has real tenants and removed the demo one: leave it gone.
      return Optional.empty();
    }
    Tenant tenant = demo.orElseGet(() -> store.createTenant(NAME));
    if (file.isPresent()) {
      ApiKey key =
          ApiKey.parse(file.get())
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          dir.resolve(KEY_FILE) + " does not hold an sk-router key"));
      if (store.key(key.keyId()).isEmpty()) {
        issuer.register(tenant.id(), key);
      }
      return Optional.of(new DataDir.Secret(file.get(), false));
    }
    String token = issuer.issue(tenant.id()).key().format();
    dir.writeSecret(KEY_FILE, token);
    return Optional.of(new DataDir.Secret(token, true));
  }
}
