package io.sovereignrouter.gateway.admin;

import io.sovereignrouter.gateway.scan.ScanException;
import io.sovereignrouter.gateway.scan.TenantScanners;
import io.sovereignrouter.gateway.spend.SpendLedger;
import io.sovereignrouter.gateway.tenancy.DuplicateTenantException;
import io.sovereignrouter.gateway.tenancy.InvalidSettingException;
import io.sovereignrouter.gateway.tenancy.SpendCap;
import io.sovereignrouter.gateway.tenancy.Tenant;
import io.sovereignrouter.gateway.tenancy.TenantRepository;
import io.sovereignrouter.gateway.tenancy.TenantSettings;
import io.sovereignrouter.gateway.tenancy.TenantSettingsJson;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** Tenant CRUD, policy binding (allowed/default policy), suspension and spend status. */
final class TenantAdmin {
  private static final String NAME = "[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}";
  private final TenantRepository store;
  private final SpendLedger ledger;
  private final AdminReplies replies;
  private final TenantSettings defaults;
  private final Set<String> knownPolicies;

  TenantAdmin(
      TenantRepository store,
      SpendLedger ledger,
      AdminReplies replies,
      TenantSettings defaults,
      Set<String> knownPolicies) {
    this.store = store;
    this.ledger = ledger;
    this.replies = replies;
    this.defaults = defaults;
    this.knownPolicies = Set.copyOf(knownPolicies);
  }

  void mount(Router router) {
    router.get("/admin/v1/tenants").handler(this::list);
    router.post("/admin/v1/tenants").handler(this::create);
    router.get("/admin/v1/tenants/:tenant").handler(this::get);
    router.patch("/admin/v1/tenants/:tenant").handler(this::update);
    router.delete("/admin/v1/tenants/:tenant").handler(this::delete);
    router.post("/admin/v1/tenants/:tenant/suspend").handler(this::suspend);
    router.post("/admin/v1/tenants/:tenant/unsuspend").handler(this::unsuspend);
    router.get("/admin/v1/tenants/:tenant/spend").handler(this::spend);
    router.get("/admin/v1/policies").handler(this::policies);
  }

  /** Every known policy with the tenants that may use it or use it by default. */
  private void policies(RoutingContext ctx) {
    AdminReplies.reply(
        ctx,
        200,
        () ->
            store
                .tenants()
                .map(
                    tenants -> {
                      JsonArray data = new JsonArray();
                      knownPolicies.stream()
                          .sorted()
                          .forEach(
                              p -> {
                                JsonArray allowed = new JsonArray();
                                JsonArray byDefault = new JsonArray();
                                for (Tenant t : tenants) {
                                  if (t.settings().allowedPolicies().contains(p)) {
                                    allowed.add(t.id());
                                  }
                                  if (t.settings().defaultPolicy().equals(p)) {
                                    byDefault.add(t.id());
                                  }
                                }
                                data.add(
                                    new JsonObject()
                                        .put("id", p)
                                        .put("allowed_tenants", allowed)
                                        .put("default_for_tenants", byDefault));
                              });
                      return new JsonObject().put("data", data);
                    }));
  }

  private void list(RoutingContext ctx) {
    AdminReplies.reply(
        ctx,
        200,
        () ->
            store
                .tenants()
                .map(
                    all -> {
                      JsonArray data = new JsonArray();
                      all.forEach(t -> data.add(AdminJson.tenant(t)));
                      return new JsonObject().put("data", data);
                    }));
  }

  private void create(RoutingContext ctx) {
    JsonObject body = AdminReplies.body(ctx);
    Object name = body.remove("name");
    if (!(name instanceof String s) || !s.matches(NAME)) {
      throw AdminProblem.invalid(
          "name", "name must be 1-64 characters of letters, digits, space, '.', '_' or '-'");
    }
    TenantSettings settings = settings(defaults, body);
    replies.audited(
        ctx,
        201,
        () ->
            store
                .createTenant(s, settings)
                .recover(
                    e ->
                        Future.failedFuture(
                            e instanceof DuplicateTenantException d
                                ? AdminProblem.conflict(d.getMessage())
                                : e))
                .map(AdminJson::tenant),
        "tenant.created",
        t -> ids(t).put("settings", TenantSettingsJson.format(settings)));
  }

  private void get(RoutingContext ctx) {
    String id = ctx.pathParam("tenant");
    AdminReplies.reply(
        ctx,
        200,
        () -> store.tenant(id).map(t -> AdminJson.tenant(AdminReplies.found(t, "tenant " + id))));
  }

  private void update(RoutingContext ctx) {
    String id = ctx.pathParam("tenant");
    JsonObject patch = AdminReplies.body(ctx);
    if (patch.containsKey("name")) {
      throw AdminProblem.invalid("name", "a tenant's name cannot change; its id is what keys use");
    }
    replies.audited(
        ctx,
        200,
        () ->
            store
                .tenant(id)
                .compose(
                    t ->
                        store.updateSettings(
                            id, settings(AdminReplies.found(t, "tenant " + id).settings(), patch)))
                .map(t -> AdminJson.tenant(AdminReplies.found(t, "tenant " + id))),
        "tenant.updated",
        t -> ids(t).put("changed", new JsonArray(patch.fieldNames().stream().sorted().toList())));
  }

  private void delete(RoutingContext ctx) {
    String id = ctx.pathParam("tenant");
    replies.audited(
        ctx,
        200,
        () ->
            store
                .deleteTenant(id)
                .map(
                    deleted -> {
                      if (!deleted) {
                        throw AdminProblem.notFound("no tenant " + id);
                      }
                      return new JsonObject().put("id", id).put("deleted", true);
                    }),
        "tenant.deleted",
        r -> new JsonObject().put("tenant_id", id));
  }

  private void suspend(RoutingContext ctx) {
    String id = ctx.pathParam("tenant");
    Object reason = AdminReplies.body(ctx).getValue("reason");
    if (!(reason instanceof String r) || r.isBlank() || r.length() > 500) {
      throw AdminProblem.invalid("reason", "reason must be 1-500 characters");
    }
    changeSuspension(
        ctx, id, Optional.of(new Tenant.Suspension(r, Instant.now())), "tenant.suspended");
  }

  private void unsuspend(RoutingContext ctx) {
    changeSuspension(ctx, ctx.pathParam("tenant"), Optional.empty(), "tenant.unsuspended");
  }

  private void changeSuspension(
      RoutingContext ctx, String id, Optional<Tenant.Suspension> suspension, String event) {
    replies.audited(
        ctx,
        200,
        () ->
            store
                .setSuspension(id, suspension)
                .map(t -> AdminJson.tenant(AdminReplies.found(t, "tenant " + id))),
        event,
        t -> {
          JsonObject e = ids(t);
          suspension.ifPresent(s -> e.put("reason", s.reason()));
          return e;
        });
  }

  private void spend(RoutingContext ctx) {
    String id = ctx.pathParam("tenant");
    AdminReplies.reply(
        ctx,
        200,
        () ->
            store
                .tenant(id)
                .compose(
                    t -> {
                      Tenant tenant = AdminReplies.found(t, "tenant " + id);
                      if (tenant.settings().spendCap().isEmpty()) {
                        return Future.succeededFuture(
                            new JsonObject().put("tenant_id", id).putNull("spend_cap"));
                      }
                      SpendCap cap = tenant.settings().spendCap().get();
                      return ledger
                          .status(id, cap, Instant.now())
                          .map(
                              q ->
                                  new JsonObject()
                                      .put("tenant_id", id)
                                      .put(
                                          "spend_cap",
                                          TenantSettingsJson.format(tenant.settings())
                                              .getJsonObject("spend_cap"))
                                      .put("period", cap.period().wireName())
                                      .mergeIn(AdminJson.quota(q)));
                    }));
  }

  /** Validates a settings patch, including that every policy exists. */
  private TenantSettings settings(TenantSettings base, JsonObject patch) {
    TenantSettings merged;
    try {
      merged = TenantSettingsJson.merge(base, patch);
    } catch (InvalidSettingException e) {
      throw AdminProblem.invalid(e.field(), e.getMessage());
    }
    try {
      TenantScanners.validate(merged.scan());
    } catch (ScanException e) {
      throw AdminProblem.invalid(
          e.getMessage().contains("allow-list") ? "leak_scan_allow" : "leak_scan_rules",
          e.getMessage());
    }
    for (String policy : merged.allowedPolicies()) {
      if (!knownPolicies.contains(policy)) {
        throw AdminProblem.invalid(
            "allowed_policies", "unknown policy '" + policy + "'; known: " + knownPolicies);
      }
    }
    return merged;
  }

  private static JsonObject ids(JsonObject tenant) {
    return new JsonObject()
        .put("tenant_id", tenant.getString("id"))
        .put("name", tenant.getString("name"));
  }
}
