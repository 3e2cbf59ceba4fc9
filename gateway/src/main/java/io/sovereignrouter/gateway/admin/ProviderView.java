package io.sovereignrouter.gateway.admin;

import io.sovereignrouter.gateway.config.ModelConfig;
import io.sovereignrouter.gateway.config.ProviderConfig;
import io.sovereignrouter.gateway.routing.HealthKey;
import io.sovereignrouter.gateway.routing.HealthSnapshot;
import io.sovereignrouter.gateway.routing.HealthTracker;
import io.sovereignrouter.gateway.routing.Route;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code GET /admin/v1/providers}: each provider's configuration (credential references only, never
 * values) and each model's health with the inputs of its score.
 */
public final class ProviderView {
  private final List<ProviderConfig> providers;
  private final List<Route> routes;
  private final HealthTracker health;

  /**
   * @param providers configured providers
   * @param routes what the enabled providers serve, discovered models included
   * @param health live health
   */
  public ProviderView(List<ProviderConfig> providers, List<Route> routes, HealthTracker health) {
    this.providers = List.copyOf(providers);
    this.routes = List.copyOf(routes);
    this.health = health;
  }

  /** What the provider serves: its routes (discovered models included), else its configuration. */
  private List<ModelConfig> models(ProviderConfig p) {
    List<ModelConfig> served =
        routes.stream().filter(r -> r.provider().id().equals(p.id())).map(Route::model).toList();
    return served.isEmpty() ? p.models() : served;
  }

  JsonObject render() {
    Map<HealthKey, HealthSnapshot> snapshots =
        health.snapshots().stream()
            .collect(Collectors.toMap(HealthSnapshot::key, Function.identity()));
    JsonArray data = new JsonArray();
    for (ProviderConfig p : providers) {
      JsonArray models = new JsonArray();
      for (ModelConfig m : models(p)) {
        HealthSnapshot h = snapshots.get(new HealthKey(p.id(), m.upstream()));
        JsonObject model =
            new JsonObject()
                .put("id", m.id())
                .put("upstream", m.upstream())
                .put("kind", m.kind().name().toLowerCase(java.util.Locale.ROOT));
        model.put("health", h == null ? null : health(h));
        models.add(model);
      }
      JsonObject provider =
          new JsonObject()
              .put("id", p.id())
              .put("type", p.type().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
              .put("enabled", p.isEnabled())
              .put("priority", p.priority())
              .put("base_url", p.baseUrl())
              .put("credential_ref", p.credentialRef().orElse(null))
              .put("models", models);
      data.add(provider);
    }
    return new JsonObject().put("data", data);
  }

  private static JsonObject health(HealthSnapshot h) {
    return new JsonObject()
        .put("samples", h.samples())
        .put("success_rate", h.successRate())
        .put("ttfb_p50_ms", h.ttfbP50Ms())
        .put("ttfb_p95_ms", h.ttfbP95Ms())
        .put("total_p50_ms", h.totalP50Ms())
        .put("total_p95_ms", h.totalP95Ms())
        .put("consecutive_failures", h.consecutiveFailures())
        .put("breaker", h.breaker().name().toLowerCase(java.util.Locale.ROOT))
        .put("open_for_ms", h.openForMs())
        .put("score", h.score());
  }
}
