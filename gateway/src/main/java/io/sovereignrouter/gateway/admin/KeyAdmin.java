package io.sovereignrouter.gateway.admin;

import io.sovereignrouter.gateway.tenancy.ApiKey;
import io.sovereignrouter.gateway.tenancy.KeyIssuer;
import io.sovereignrouter.gateway.tenancy.KeyQuotaExceededException;
import io.sovereignrouter.gateway.tenancy.Tenant;
import io.sovereignrouter.gateway.tenancy.TenantRepository;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;

/** Tenant keys: create (secret shown once), list (fingerprints only), revoke, rotate. */
final class KeyAdmin {
  /** Longest overlap a rotation may grant the previous keys. */
  static final long MAX_OVERLAP_SECONDS = 30L * 24 * 3600;

  private final TenantRepository store;
  private final KeyIssuer issuer;
  private final AdminReplies replies;

  KeyAdmin(TenantRepository store, KeyIssuer issuer, AdminReplies replies) {
    this.store = store;
    this.issuer = issuer;
    this.replies = replies;
  }

  void mount(Router router) {
    router.get("/admin/v1/tenants/:tenant/keys").handler(this::list);
    router.post("/admin/v1/tenants/:tenant/keys").handler(this::create);
    router.delete("/admin/v1/tenants/:tenant/keys/:key").handler(this::revoke);
    router.post("/admin/v1/tenants/:tenant/keys/rotate").handler(this::rotate);
  }

  private Future<Tenant> tenant(String id) {
    return store.tenant(id).map(t -> AdminReplies.found(t, "tenant " + id));
  }

  private void list(RoutingContext ctx) {
    String id = ctx.pathParam("tenant");
    AdminReplies.reply(
        ctx,
        200,
        () ->
            tenant(id)
                .compose(t -> store.keys(id))
                .map(
                    keys -> {
                      JsonArray data = new JsonArray();
                      keys.forEach(k -> data.add(AdminJson.key(k)));
                      return new JsonObject().put("data", data);
                    }));
  }

  private void create(RoutingContext ctx) {
    String id = ctx.pathParam("tenant");
    replies.audited(
        ctx,
        201,
        () ->
            tenant(id)
                .compose(issuer::issue)
                .recover(
                    e ->
                        Future.failedFuture(
                            e instanceof KeyQuotaExceededException q
                                ? AdminProblem.conflict(q.getMessage())
                                : e))
                .map(issued -> AdminJson.key(issued.record()).put("key", issued.key().format())),
        "key.created",
        k ->
            new JsonObject()
                .put("tenant_id", id)
                .put("key_fingerprint", k.getString("fingerprint")));
  }

  private void rotate(RoutingContext ctx) {
    String id = ctx.pathParam("tenant");
    long overlap = overlapSeconds(AdminReplies.body(ctx));
    replies.audited(
        ctx,
        201,
        () ->
            tenant(id)
                .compose(t -> issuer.rotate(id, Duration.ofSeconds(overlap)))
                .map(
                    r -> {
                      JsonArray expiring = new JsonArray();
                      r.expiring().forEach(k -> expiring.add(k.fingerprint()));
                      return AdminJson.key(r.issued().record())
                          .put("key", r.issued().key().format())
                          .put("previous_keys", expiring)
                          .put("previous_keys_valid_until", r.until().toString());
                    }),
        "key.rotated",
        k ->
            new JsonObject()
                .put("tenant_id", id)
                .put("key_fingerprint", k.getString("fingerprint"))
                .put("previous_keys", k.getJsonArray("previous_keys"))
                .put("previous_keys_valid_until", k.getString("previous_keys_valid_until")));
  }

  private static long overlapSeconds(JsonObject body) {
    Object value = body.getValue("overlap_seconds", 86_400);
    if (!(value instanceof Number n)
        || n.longValue() < 0
        || n.longValue() > MAX_OVERLAP_SECONDS
        || n.doubleValue() != n.longValue()) {
      throw AdminProblem.invalid(
          "overlap_seconds", "overlap_seconds must be an integer in 0.." + MAX_OVERLAP_SECONDS);
    }
    return n.longValue();
  }

  private void revoke(RoutingContext ctx) {
    String id = ctx.pathParam("tenant");
    String key = ctx.pathParam("key");
    replies.audited(
        ctx,
        200,
        () ->
            tenant(id)
                .compose(t -> store.revokeKey(id, key, Instant.now()))
                .map(
                    revoked -> {
                      if (!revoked) {
                        throw AdminProblem.notFound("no active key " + key + " for tenant " + id);
                      }
                      return new JsonObject().put("key_id", key).put("revoked", true);
                    }),
        "key.revoked",
        r -> new JsonObject().put("tenant_id", id).put("key_fingerprint", ApiKey.PREFIX + key));
  }
}
