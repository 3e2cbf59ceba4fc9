package io.sovereignrouter.gateway;

import io.sovereignrouter.gateway.scan.LeakAction;
import io.sovereignrouter.gateway.tenancy.ApiKey;
import io.sovereignrouter.gateway.tenancy.KeyIssuer;
import io.sovereignrouter.gateway.tenancy.RateLimits;
import io.sovereignrouter.gateway.tenancy.Tenant;
import io.sovereignrouter.gateway.tenancy.TenantRepository;
import io.sovereignrouter.gateway.tenancy.TenantSettings;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * First-start convenience: a {@code demo} tenant whose key lives in {@code demo.key}. A later start
 * reuses the file; if the database was reset, the file's key is registered again.
 */
final class DemoTenant {
  static final String NAME = "demo";
  static final String KEY_FILE = "demo.key";

  /**
   * The demo tenant may try every shipped policy; it routes to the Mock provider under {@code
   * dev-open} unless a request names another; no caps.
   */
  private static final TenantSettings SETTINGS =
      new TenantSettings(
          List.of("dev-open", "standard", "clinical-strict"),
          "dev-open",
          Optional.empty(),
          RateLimits.NONE,
          LeakAction.REDACT,
          10);

  private DemoTenant() {}

  /**
   * Ensures the demo tenant and key exist; yields the key file's secret and whether it is new.
   *
   * @param leakAction the configured default leak-scan action, which a new demo tenant takes
   */
  static Future<Optional<DataDir.Secret>> ensure(
      DataDir dir, TenantRepository store, KeyIssuer issuer, LeakAction leakAction) {
    return store
        .tenants()
        .compose(
            tenants -> {
              Optional<Tenant> demo =
                  tenants.stream().filter(t -> t.name().equals(NAME)).findFirst();
              if (demo.isEmpty() && !tenants.isEmpty()) {
                // The operator has real tenants and removed the demo one: leave it gone.
                return Future.succeededFuture(Optional.empty());
              }
              Future<Tenant> tenant =
                  demo.map(Future::succeededFuture)
                      .orElseGet(
                          () -> store.createTenant(NAME, SETTINGS.withLeakScanAction(leakAction)));
              return tenant.compose(t -> key(dir, store, issuer, t)).map(Optional::of);
            });
  }

  private static Future<DataDir.Secret> key(
      DataDir dir, TenantRepository store, KeyIssuer issuer, Tenant tenant) {
    Optional<String> file = dir.readSecret(KEY_FILE);
    if (file.isPresent()) {
      ApiKey key =
          ApiKey.parse(file.get())
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          dir.resolve(KEY_FILE) + " does not hold an sk-router key"));
      return store
          .key(key.keyId())
          .compose(
              stored ->
                  stored.isPresent()
                      ? Future.succeededFuture()
                      : issuer.register(tenant, key).mapEmpty())
          .map(ignored -> new DataDir.Secret(file.get(), false));
    }
    return issuer
        .issue(tenant)
        .map(
            issued -> {
              String token = issued.key().format();
              dir.writeSecret(KEY_FILE, token);
              return new DataDir.Secret(token, true);
            });
  }
}
