package io.sovereignrouter.gateway.admin;

import io.sovereignrouter.gateway.config.ConfigException;
import io.sovereignrouter.gateway.config.ConfigLoader;
import io.sovereignrouter.gateway.config.ProviderConfig;
import io.sovereignrouter.gateway.providers.ProviderConflictException;
import io.sovereignrouter.gateway.providers.ProviderRegistry;
import io.sovereignrouter.gateway.providers.ProviderRepository;
import io.sovereignrouter.gateway.providers.ProviderSync;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;

/**
 * Providers through the admin API: create, read, replace, delete. Bodies use the config file's
 * provider fields in snake_case; credentials are references ({@code env:…}, {@code file:…}, {@code
 * aws-kms:…}, …), never secrets. A provider is checked (credential resolves, adapter builds) before
 * it is stored, and goes live on every replica without a restart. Providers of the config file are
 * read-only here.
 */
final class ProviderAdmin {
  /** Config keys named in validation messages → the admin field that carries them. */
  private static final List<Map.Entry<String, String>> FIELDS =
      List.of(
          Map.entry("credential", "credential"),
          Map.entry("base-url", "base_url"),
          Map.entry("models", "models"),
          Map.entry("model", "models"),
          Map.entry("timeouts", "timeouts"),
          Map.entry("aws", "aws"),
          Map.entry("gcp", "gcp"),
          Map.entry("type", "type"),
          Map.entry("provider id", "id"));

  private final ProviderRepository repository;
  private final ProviderRegistry registry;
  private final ProviderSync sync;
  private final ProviderView view;
  private final AdminReplies replies;

  ProviderAdmin(
      ProviderRepository repository,
      ProviderRegistry registry,
      ProviderSync sync,
      ProviderView view,
      AdminReplies replies) {
    this.repository = repository;
    this.registry = registry;
    this.sync = sync;
    this.view = view;
    this.replies = replies;
  }

  void mount(Router router) {
    router
        .get("/admin/v1/providers")
        .handler(ctx -> AdminReplies.reply(ctx, 200, () -> Future.succeededFuture(view.render())));
    router.post("/admin/v1/providers").handler(this::create);
    router.get("/admin/v1/providers/:provider").handler(this::get);
    router.put("/admin/v1/providers/:provider").handler(this::replace);
    router.delete("/admin/v1/providers/:provider").handler(this::delete);
  }

  private void get(RoutingContext ctx) {
    String id = ctx.pathParam("provider");
    AdminReplies.reply(
        ctx,
        200,
        () -> Future.succeededFuture(AdminReplies.found(view.render(id), "provider " + id)));
  }

  private void create(RoutingContext ctx) {
    ProviderConfig config = parse(AdminReplies.body(ctx), null);
    if (registry.entry(config.id()).filter(e -> !e.managed()).isPresent()) {
      throw AdminProblem.conflict(
          "provider " + config.id() + " is defined in the config file; change it there");
    }
    replies.audited(
        ctx,
        201,
        () ->
            checked(config)
                .compose(ok -> repository.create(config.id(), ConfigLoader.providerJson(config)))
                .recover(ProviderAdmin::conflict)
                .compose(stored -> live(config.id())),
        "provider.created",
        ProviderAdmin::event);
  }

  private void replace(RoutingContext ctx) {
    String id = ctx.pathParam("provider");
    ProviderConfig config = parse(AdminReplies.body(ctx), id);
    requireManaged(id);
    replies.audited(
        ctx,
        200,
        () ->
            checked(config)
                .compose(ok -> repository.replace(id, ConfigLoader.providerJson(config)))
                .compose(
                    stored -> {
                      AdminReplies.found(stored, "provider " + id);
                      return live(id);
                    }),
        "provider.updated",
        ProviderAdmin::event);
  }

  private void delete(RoutingContext ctx) {
    String id = ctx.pathParam("provider");
    requireManaged(id);
    replies.audited(
        ctx,
        200,
        () ->
            repository
                .delete(id)
                .compose(
                    deleted -> {
                      if (!deleted) {
                        throw AdminProblem.notFound("no provider " + id);
                      }
                      return sync.refresh();
                    })
                .map(done -> new JsonObject().put("id", id).put("deleted", true)),
        "provider.deleted",
        r -> new JsonObject().put("provider_id", id));
  }

  /** Applies the stored set and answers with the provider as now served. */
  private Future<JsonObject> live(String id) {
    return sync.refresh().map(done -> AdminReplies.found(view.render(id), "provider " + id));
  }

  private Future<Void> checked(ProviderConfig config) {
    return registry
        .check(config)
        .recover(
            e ->
                Future.failedFuture(
                    e instanceof ConfigException c
                        ? AdminProblem.invalid(field(c), c.getMessage())
                        : e));
  }

  private void requireManaged(String id) {
    if (registry.entry(id).filter(e -> !e.managed()).isPresent()) {
      throw AdminProblem.conflict(
          "provider " + id + " is defined in the config file; change it there");
    }
  }

  private static Future<io.sovereignrouter.gateway.providers.StoredProvider> conflict(Throwable e) {
    return Future.failedFuture(
        e instanceof ProviderConflictException c ? AdminProblem.conflict(c.getMessage()) : e);
  }

  /**
   * Reads a snake_case provider body into the config file's form and validates it like a config
   * file; {@code pathId}, when given, must agree with (or supply) the body's id.
   */
  static ProviderConfig parse(JsonObject body, String pathId) {
    // Only references are stored; the value is never echoed, in case a key was pasted.
    Object credential = body.getValue("credential");
    if (credential != null
        && !(credential instanceof String s
            && s.matches("(env|file|aws-kms|gcp-kms):[^\\s]{1,512}"))) {
      throw AdminProblem.invalid(
          "credential",
          "credential must be a reference such as env:NAME, file:NAME, aws-kms:… or gcp-kms:…;"
              + " store the key itself with ./sovereign keys put");
    }
    if (pathId != null) {
      Object bodyId = body.getValue("id", pathId);
      if (!pathId.equals(bodyId)) {
        throw AdminProblem.invalid("id", "the body's id must match the path");
      }
      body.put("id", pathId);
    }
    try {
      return ConfigLoader.provider(kebab(body).encode());
    } catch (ConfigException e) {
      throw AdminProblem.invalid(field(e), e.getMessage());
    }
  }

  private static String field(ConfigException e) {
    String message = String.valueOf(e.getMessage());
    int first = Integer.MAX_VALUE;
    String field = "body";
    for (Map.Entry<String, String> f : FIELDS) {
      int at = message.indexOf(f.getKey());
      if (at >= 0 && at < first) {
        first = at;
        field = f.getValue();
      }
    }
    return field;
  }

  /** snake_case keys → the config file's kebab-case, except inside {@code headers} (names). */
  private static JsonObject kebab(JsonObject in) {
    JsonObject out = new JsonObject();
    for (Map.Entry<String, Object> e : in) {
      String key = e.getKey().replace('_', '-');
      Object v = e.getValue();
      out.put(key, key.equals("headers") ? v : kebabValue(v));
    }
    return out;
  }

  private static Object kebabValue(Object v) {
    if (v instanceof JsonObject o) {
      return kebab(o);
    }
    if (v instanceof JsonArray a) {
      JsonArray out = new JsonArray();
      a.forEach(item -> out.add(kebabValue(item)));
      return out;
    }
    return v;
  }

  private static JsonObject event(JsonObject provider) {
    return new JsonObject()
        .put("provider_id", provider.getString("id"))
        .put("type", provider.getString("type"))
        .put("enabled", provider.getBoolean("enabled"))
        .put("credential_ref", provider.getString("credential_ref"));
  }
}
