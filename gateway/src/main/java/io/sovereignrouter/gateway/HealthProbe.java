package io.sovereignrouter.gateway;

import io.sovereignrouter.gateway.config.ModelKind;
import io.sovereignrouter.gateway.config.ProbeConfig;
import io.sovereignrouter.gateway.provider.UpstreamCall;
import io.sovereignrouter.gateway.routing.BreakerState;
import io.sovereignrouter.gateway.routing.HealthTracker;
import io.sovereignrouter.gateway.routing.Route;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The optional active health probe: sends one minimal request to every candidate whose breaker is
 * open or half-open, and records the outcome like any attempt, so a recovered provider is closed
 * again without a client paying for the discovery. One probe per candidate at a time.
 */
final class HealthProbe {
  private final Vertx vertx;
  private final HealthTracker health;
  private final java.util.function.Supplier<List<Route>> routes;
  private final Set<Route> inFlight = ConcurrentHashMap.newKeySet();
  private final long timer;

  HealthProbe(
      Vertx vertx,
      HealthTracker health,
      java.util.function.Supplier<List<Route>> routes,
      ProbeConfig config) {
    this.vertx = vertx;
    this.health = health;
    this.routes = routes;
    this.timer = config.enabled() ? vertx.setPeriodic(config.intervalMs(), id -> probeAll()) : -1;
  }

  private void probeAll() {
    for (Route route : routes.get()) {
      if (health.snapshot(route).breaker() != BreakerState.CLOSED && inFlight.add(route)) {
        long start = System.nanoTime();
        probe(route)
            .onComplete(
                ar -> {
                  long ms = (System.nanoTime() - start) / 1_000_000;
                  health.record(route, ar.succeeded(), ms, ms);
                  inFlight.remove(route);
                });
      }
    }
  }

  private static Future<?> probe(Route route) {
    String model = route.model().upstream();
    JsonObject body =
        route.model().kind() == ModelKind.EMBEDDING
            ? new JsonObject().put("model", model).put("input", "ping")
            : new JsonObject()
                .put("model", model)
                .put("max_tokens", 1)
                .put(
                    "messages",
                    new JsonArray()
                        .add(new JsonObject().put("role", "user").put("content", "ping")));
    UpstreamCall call =
        new UpstreamCall(
            body,
            route.model().id(),
            "probe-" + route.provider().id(),
            Promise.<Void>promise().future());
    return route.model().kind() == ModelKind.EMBEDDING
        ? route.provider().embed(call)
        : route.provider().chat(call);
  }

  void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }
}
