package io.sovereignrouter.gateway.admin;

import io.sovereignrouter.gateway.attest.AuditEvents;
import io.sovereignrouter.gateway.metrics.GatewayMetrics;
import io.sovereignrouter.gateway.providers.ProviderRegistry;
import io.sovereignrouter.gateway.providers.ProviderRepository;
import io.sovereignrouter.gateway.providers.ProviderSync;
import io.sovereignrouter.gateway.spend.SpendLedger;
import io.sovereignrouter.gateway.tenancy.KeyIssuer;
import io.sovereignrouter.gateway.tenancy.TenantRepository;
import io.sovereignrouter.gateway.tenancy.TenantSettings;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.HttpException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin router: every route needs the admin token (compared in constant time); errors are RFC
 * 9457 problems; every change is an audit row in the Merkle log. The API is described by {@code
 * /admin/openapi.yaml} (served at {@code GET /admin/v1/openapi.yaml}).
 */
public final class AdminRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(AdminRoutes.class);

  private AdminRoutes() {}

  /**
   * The stores and defaults the admin API works on.
   *
   * @param store tenants and keys
   * @param ledger spend and usage
   * @param issuer issues new keys
   * @param defaults settings of a tenant created without any
   * @param knownPolicies policy ids tenants may be bound to
   * @param providers live providers and their health
   * @param providerStore admin-managed providers
   * @param registry the live provider set
   * @param providerSync applies stored provider changes
   * @param events audit log of administrative changes
   * @param metrics served at {@code GET /metrics}
   */
  public record Services(
      TenantRepository store,
      SpendLedger ledger,
      KeyIssuer issuer,
      TenantSettings defaults,
      Set<String> knownPolicies,
      ProviderView providers,
      ProviderRepository providerStore,
      ProviderRegistry registry,
      ProviderSync providerSync,
      AuditEvents events,
      GatewayMetrics metrics) {}

  /**
   * @param vertx owning instance
   * @param token the operator token
   * @param services what the routes work on
   */
  public static Router create(Vertx vertx, AdminToken token, Services services) {
    Router router = Router.router(vertx);
    router.get("/healthz").handler(ctx -> ctx.json(new JsonObject().put("status", "ok")));
    // Prometheus scrapes without the admin token: the admin port is loopback or policy-restricted.
    router
        .get("/metrics")
        .handler(
            ctx ->
                ctx.vertx()
                    .executeBlocking(() -> services.metrics().scrape(), false)
                    .onSuccess(
                        text ->
                            ctx.response()
                                .putHeader(
                                    "Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                                .end(text))
                    .onFailure(ctx::fail));
    router.route("/admin/*").handler(ctx -> authorize(ctx, token));
    router.route("/admin/*").handler(BodyHandler.create(false).setBodyLimit(64 * 1024));
    router.get("/admin/v1/openapi.yaml").handler(AdminOpenApi::serve);
    AdminReplies replies = new AdminReplies(services.events());
    new ProviderAdmin(
            services.providerStore(),
            services.registry(),
            services.providerSync(),
            services.providers(),
            replies)
        .mount(router);
    new TenantAdmin(
            services.store(),
            services.ledger(),
            replies,
            services.defaults(),
            services.knownPolicies())
        .mount(router);
    new KeyAdmin(services.store(), services.issuer(), replies).mount(router);
    new UsageAdmin(services.ledger()).mount(router);
    new LogKeyAdmin(services.events()).mount(router);
    router.route().failureHandler(AdminRoutes::failure);
    router.errorHandler(404, AdminRoutes::failure);
    router.errorHandler(405, AdminRoutes::failure);
    router.errorHandler(413, AdminRoutes::failure);
    return router;
  }

  private static void authorize(RoutingContext ctx, AdminToken token) {
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
  }

  private static void failure(RoutingContext ctx) {
    if (ctx.response().ended() || ctx.response().closed()) {
      return;
    }
    AdminProblem problem =
        switch (ctx.failure()) {
          case AdminProblem p -> p;
          case HttpException h ->
              new AdminProblem(
                  h.getStatusCode(),
                  h.getStatusCode() == 413 ? "Content Too Large" : "Error",
                  "request rejected");
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
