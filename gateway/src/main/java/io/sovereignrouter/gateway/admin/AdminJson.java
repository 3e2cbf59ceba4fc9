package io.sovereignrouter.gateway.admin;

import io.sovereignrouter.gateway.spend.QuotaStatus;
import io.sovereignrouter.gateway.tenancy.Tenant;
import io.sovereignrouter.gateway.tenancy.TenantKey;
import io.sovereignrouter.gateway.tenancy.TenantSettingsJson;
import io.vertx.core.json.JsonObject;

/** Wire forms of admin resources (snake_case, ISO-8601 times, USD amounts). */
final class AdminJson {
  private AdminJson() {}

  static JsonObject tenant(Tenant t) {
    JsonObject json =
        new JsonObject()
            .put("id", t.id())
            .put("name", t.name())
            .put("suspended", t.suspended())
            .put("created_at", t.createdAt().toString())
            .mergeIn(TenantSettingsJson.format(t.settings()));
    t.suspension()
        .ifPresent(
            s ->
                json.put("suspended_reason", s.reason()).put("suspended_at", s.since().toString()));
    return json;
  }

  static JsonObject key(TenantKey k) {
    JsonObject json =
        new JsonObject()
            .put("key_id", k.keyId())
            .put("fingerprint", k.fingerprint())
            .put("tenant_id", k.tenantId())
            .put("created_at", k.createdAt().toString());
    k.revokedAt().ifPresent(r -> json.put("revoked_at", r.toString()));
    return json;
  }

  static JsonObject quota(QuotaStatus q) {
    return new JsonObject()
        .put("limit_usd", TenantSettingsJson.usd(q.limitMicros()))
        .put("remaining_usd", TenantSettingsJson.usd(q.remainingMicros()))
        .put("resets_at", q.reset().toString());
  }
}
