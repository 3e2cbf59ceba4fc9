package io.sovereignrouter.gateway.admin;

import io.sovereignrouter.gateway.config.ModelConfig;
import io.sovereignrouter.gateway.config.ProviderConfig;
import io.sovereignrouter.gateway.providers.ProviderRegistry;
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
  private final ProviderRegistry registry;
  private final HealthTracker health;

  /**
   * @param registry the live providers
   * @param health live health
   */
  public ProviderView(ProviderRegistry registry, HealthTracker health) {
    this.registry = registry;
    this.health = health;
  }

  /** What the provider serves: its routes (discovered models included), else its configuration. */
  private static List<ModelConfig> models(ProviderRegistry.Entry e) {
    return e.routes().isEmpty()
        ? e.config().models()
        : e.routes().stream().map(Route::model).toList();
  }

  /** One provider, or empty. */
  java.util.Optional<JsonObject> render(String id) {
    return registry.entry(id).map(e -> render(e, snapshots()));
  }

  private Map<HealthKey, HealthSnapshot> snapshots() {
    return health.snapshots().stream()
        .collect(Collectors.toMap(HealthSnapshot::key, Function.identity()));
  }

  JsonObject render() {
    Map<HealthKey, HealthSnapshot> snapshots = snapshots();
    JsonArray data = new JsonArray();
    for (ProviderRegistry.Entry e : registry.entries()) {
      data.add(render(e, snapshots));
    }
    return new JsonObject().put("data", data);
  }

  private static JsonObject render(
      ProviderRegistry.Entry e, Map<HealthKey, HealthSnapshot> snapshots) {
    ProviderConfig p = e.config();
    JsonArray models = new JsonArray();
    for (ModelConfig m : models(e)) {
      HealthSnapshot h = snapshots.get(new HealthKey(p.id(), m.upstream()));
      JsonObject model =
          new JsonObject()
              .put("id", m.id())
              .put("upstream", m.upstream())
              .put("kind", m.kind().name().toLowerCase(java.util.Locale.ROOT));
      model.put("health", h == null ? null : health(h));
      models.add(model);
    }
    return new JsonObject()
        .put("id", p.id())
        .put("type", p.type().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
        .put("source", e.managed() ? "api" : "config")
        .put("enabled", p.isEnabled())
        .put("priority", p.priority())
        .put("base_url", p.baseUrl())
        .put("credential_ref", p.credentialRef().orElse(null))
        .put("models", models);
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
