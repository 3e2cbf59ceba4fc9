package io.sovereignrouter.gateway.routing;

import io.sovereignrouter.gateway.config.ModelConfig;
import io.sovereignrouter.gateway.config.ModelKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which providers serve which model ids, in configured preference order. Built once at start;
 * immutable afterwards, so event loops read it without locks.
 */
public final class ModelCatalog {
  private final Map<String, List<Route>> routes;
  private final long created = System.currentTimeMillis() / 1000;

  /**
   * @param routes every enabled provider's models, in preference order
   */
  public ModelCatalog(List<Route> routes) {
    Map<String, List<Route>> byId = new LinkedHashMap<>();
    for (Route route : routes) {
      byId.computeIfAbsent(route.model().id(), k -> new ArrayList<>()).add(route);
    }
    byId.replaceAll((k, v) -> List.copyOf(v));
    this.routes = java.util.Collections.unmodifiableMap(byId);
  }

  /** Candidates for {@code modelId}, or empty when no enabled provider serves it. */
  public List<Route> routes(String modelId) {
    return routes.getOrDefault(modelId, List.of());
  }

  /** The kind of a known model (the first candidate's). */
  public Optional<ModelKind> kind(String modelId) {
    return routes(modelId).stream().findFirst().map(r -> r.model().kind());
  }

  /** One entry per model id, for {@code GET /v1/models}. */
  public List<ModelConfig> models() {
    return routes.values().stream().map(list -> list.get(0).model()).toList();
  }

  /** Unix seconds reported as each model's {@code created}. */
  public long created() {
    return created;
  }
}
