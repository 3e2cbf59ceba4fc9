package io.sovereignrouter.gateway.admin;

import io.sovereignrouter.gateway.attest.AuditEvents;
import io.sovereignrouter.gateway.tenancy.ApiKey;
import io.sovereignrouter.gateway.tenancy.DuplicateTenantException;
import io.sovereignrouter.gateway.tenancy.KeyIssuer;
import io.sovereignrouter.gateway.tenancy.Tenant;
import io.sovereignrouter.gateway.tenancy.TenantKey;
import io.sovereignrouter.gateway.tenancy.TenantStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.HttpException;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin router (minimal until the management-API issue): tenants and their keys. Every route
 * needs the admin token; key secrets appear only in the response that creates them.
 */
public final class AdminRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(AdminRoutes.class);
  private final Vertx vertx;
  private final TenantStore store;
  private final KeyIssuer issuer;
  private final AuditEvents events;

  private AdminRoutes(Vertx vertx, TenantStore store, KeyIssuer issuer, AuditEvents events) {
    this.vertx = vertx;
    this.store = store;
    this.issuer = issuer;
    this.events = events;
  }

  /**
   * @param vertx owning instance
   * @param token the operator token
   * @param store tenants and keys
   * @param issuer issues new keys
   * @param providers provider configuration and health
   * @param events audit log of administrative changes
   */
  public static Router create(
      Vertx vertx,
      AdminToken token,
      TenantStore store,
      KeyIssuer issuer,
      ProviderView providers,
      AuditEvents events) {
    AdminRoutes admin = new AdminRoutes(vertx, store, issuer, events);
    Router router = Router.router(vertx);
    router.get("/healthz").handler(ctx -> ctx.json(new JsonObject().put("status", "ok")));
    router
        .route("/admin/*")
        .handler(
            ctx -> {
              String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
              String presented =
                  header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                      ? header.substring(7)
                      : null;
              if (!token.matches(presented)) {
                ctx.fail(new AdminProblem(401, "Unauthorized", "missing or wrong admin token"));
                return;
              }
              ctx.next();
            });
    router.route("/admin/*").handler(BodyHandler.create(false).setBodyLimit(64 * 1024));
    router
        .get("/admin/v1/providers")
        .handler(
            ctx ->
                ctx.response()
                    .putHeader("Content-Type", "application/json")
                    .end(providers.render().toBuffer()));
    router.get("/admin/v1/tenants").handler(ctx -> admin.reply(ctx, 200, () -> tenants(store)));
    router.post("/admin/v1/tenants").handler(admin::createTenant);
    router.get("/admin/v1/tenants/:tenant/keys").handler(admin::listKeys);
    router.post("/admin/v1/tenants/:tenant/keys").handler(admin::createKey);
    router.delete("/admin/v1/tenants/:tenant/keys/:key").handler(admin::revokeKey);
    router.post("/admin/v1/tenants/:tenant/keys/rotate").handler(admin::rotateKeys);
    router.route().failureHandler(AdminRoutes::failure);
    router.errorHandler(404, AdminRoutes::failure);
    router.errorHandler(405, AdminRoutes::failure);
    return router;
  }

  private static JsonObject tenants(TenantStore store) {
    JsonArray data = new JsonArray();
    store.tenants().forEach(t -> data.add(tenantJson(t)));
    return new JsonObject().put("data", data);
  }

  private void createTenant(RoutingContext ctx) {
    String name = requiredName(ctx);
    audited(
        ctx,
        201,
        () -> {
          try {
            return tenantJson(store.createTenant(name));
          } catch (DuplicateTenantException e) {
            throw new AdminProblem(409, "Conflict", e.getMessage());
          }
        },
        "tenant.created",
        t -> new JsonObject().put("tenant_id", t.getString("id")).put("name", t.getString("name")));
  }

  private void listKeys(RoutingContext ctx) {
    String tenant = ctx.pathParam("tenant");
    reply(
        ctx,
        200,
        () -> {
          requireTenant(tenant);
          JsonArray data = new JsonArray();
          store.keys(tenant).forEach(k -> data.add(keyJson(k)));
          return new JsonObject().put("data", data);
        });
  }

  private void createKey(RoutingContext ctx) {
    String tenant = ctx.pathParam("tenant");
    audited(
        ctx,
        201,
        () -> {
          requireTenant(tenant);
          KeyIssuer.IssuedKey issued = issuer.issue(tenant);
          return keyJson(issued.record()).put("key", issued.key().format());
        },
        "key.created",
        k ->
            new JsonObject()
                .put("tenant_id", tenant)
                .put("key_fingerprint", k.getString("fingerprint")));
  }

  /** Longest overlap a rotation may grant the previous keys. */
  static final long MAX_OVERLAP_SECONDS = 30L * 24 * 3600;

  private void rotateKeys(RoutingContext ctx) {
    String tenant = ctx.pathParam("tenant");
    long overlap = overlapSeconds(ctx);
    audited(
        ctx,
        201,
        () -> {
          requireTenant(tenant);
          KeyIssuer.Rotation r = issuer.rotate(tenant, java.time.Duration.ofSeconds(overlap));
          JsonArray expiring = new JsonArray();
          r.expiring().forEach(k -> expiring.add(k.fingerprint()));
          return keyJson(r.issued().record())
              .put("key", r.issued().key().format())
              .put("previous_keys", expiring)
              .put("previous_keys_valid_until", r.until().toString());
        },
        "key.rotated",
        k ->
            new JsonObject()
                .put("tenant_id", tenant)
                .put("key_fingerprint", k.getString("fingerprint"))
                .put("previous_keys", k.getJsonArray("previous_keys"))
                .put("previous_keys_valid_until", k.getString("previous_keys_valid_until")));
  }

  private static long overlapSeconds(RoutingContext ctx) {
    JsonObject body;
    try {
      body = ctx.body().length() == 0 ? new JsonObject() : ctx.body().asJsonObject();
    } catch (DecodeException | ClassCastException e) {
      throw new AdminProblem(400, "Bad Request", "body must be a JSON object");
    }
    Object value = body.getValue("overlap_seconds", 86_400);
    if (!(value instanceof Number n)
        || n.longValue() < 0
        || n.longValue() > MAX_OVERLAP_SECONDS
        || n.doubleValue() != n.longValue()) {
      throw new AdminProblem(
          422,
          "Unprocessable Content",
          "overlap_seconds must be an integer in 0.." + MAX_OVERLAP_SECONDS);
    }
    return n.longValue();
  }

  private void revokeKey(RoutingContext ctx) {
    String tenant = ctx.pathParam("tenant");
    String key = ctx.pathParam("key");
    audited(
        ctx,
        200,
        () -> {
          requireTenant(tenant);
          if (!store.revokeKey(tenant, key, Instant.now())) {
            throw new AdminProblem(
                404, "Not Found", "no active key " + key + " for tenant " + tenant);
          }
          return new JsonObject().put("key_id", key).put("revoked", true);
        },
        "key.revoked",
        r -> new JsonObject().put("tenant_id", tenant).put("key_fingerprint", ApiKey.PREFIX + key));
  }

  private void requireTenant(String tenantId) {
    if (store.tenant(tenantId).isEmpty()) {
      throw new AdminProblem(404, "Not Found", "no tenant " + tenantId);
    }
  }

  private static String requiredName(RoutingContext ctx) {
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (DecodeException | ClassCastException e) {
      throw new AdminProblem(400, "Bad Request", "body must be a JSON object");
    }
    Object name = body == null ? null : body.getValue("name");
    if (!(name instanceof String s) || !s.matches("[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}")) {
      throw new AdminProblem(
          422,
          "Unprocessable Content",
          "name must be 1-64 characters of letters, digits, space, '.', '_' or '-'");
    }
    return s;
  }

  /**
   * Like {@link #reply}, but the change is also appended to the audit log before the answer, which
   * names its {@code log_index}. {@code event} picks the ids for the log: never a secret.
   */
  private void audited(
      RoutingContext ctx,
      int status,
      Callable<JsonObject> work,
      String type,
      java.util.function.Function<JsonObject, JsonObject> event) {
    answer(
        ctx,
        status,
        vertx
            .executeBlocking(work, false)
            .compose(
                json ->
                    events
                        .record(vertx, type, event.apply(json))
                        .map(index -> json.put("log_index", index))));
  }

  /** Runs blocking store work on a worker and answers with its JSON. */
  private void reply(RoutingContext ctx, int status, Callable<JsonObject> work) {
    answer(ctx, status, vertx.executeBlocking(work, false));
  }

  private static void answer(RoutingContext ctx, int status, Future<JsonObject> result) {
    result
        .onSuccess(
            json ->
                ctx.response()
                    .setStatusCode(status)
                    .putHeader("Content-Type", "application/json")
                    .end(json.toBuffer()))
        .onFailure(ctx::fail);
  }

  private static JsonObject tenantJson(Tenant t) {
    return new JsonObject()
        .put("id", t.id())
        .put("name", t.name())
        .put("suspended", t.suspended())
        .put("created_at", t.createdAt().toString());
  }

  private static JsonObject keyJson(TenantKey k) {
    JsonObject json =
        new JsonObject()
            .put("key_id", k.keyId())
            .put("fingerprint", k.fingerprint())
            .put("tenant_id", k.tenantId())
            .put("created_at", k.createdAt().toString());
    k.revokedAt().ifPresent(r -> json.put("revoked_at", r.toString()));
    return json;
  }

  private static void failure(RoutingContext ctx) {
    if (ctx.response().ended() || ctx.response().closed()) {
      return;
    }
    AdminProblem problem =
        switch (ctx.failure()) {
          case AdminProblem p -> p;
          case HttpException h -> new AdminProblem(h.getStatusCode(), "Error", "request rejected");
          case null ->
              new AdminProblem(
                  ctx.statusCode(),
                  ctx.statusCode() == 404 ? "Not Found" : "Error",
                  ctx.request().method() + " " + ctx.request().path());
          default -> {
            LOG.error("admin request failed", ctx.failure());
            yield new AdminProblem(500, "Internal Server Error", "see the server log");
          }
        };
    ctx.response()
        .setStatusCode(problem.status())
        .putHeader("Content-Type", "application/problem+json")
        .end(problem.body().toBuffer());
  }
}
