package io.sovereignrouter.gateway.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@code GET /readyz}: 200 only when every dependency a request needs answers — storage, the audit
 * log, rate-limit counters, the policy engine — else 503 naming the ones that do not.
 */
public final class Readiness implements Handler<RoutingContext> {
  private static final long TIMEOUT_MS = 2_000;

  /**
   * One dependency.
   *
   * @param name shown in the answer
   * @param probe completes when the dependency works
   */
  public record Check(String name, Supplier<Future<?>> probe) {}

  private final List<Check> checks;

  /**
   * @param checks what must answer
   */
  public Readiness(List<Check> checks) {
    this.checks = List.copyOf(checks);
  }

  @Override
  public void handle(RoutingContext ctx) {
    List<Future<?>> probes = new ArrayList<>();
    for (Check c : checks) {
      Future<?> probe;
      try {
        probe = c.probe().get();
      } catch (RuntimeException e) {
        probe = Future.failedFuture(e);
      }
      probes.add(probe.timeout(TIMEOUT_MS, TimeUnit.MILLISECONDS));
    }
    Future.join(probes)
        .onComplete(
            done -> {
              JsonObject results = new JsonObject();
              boolean ready = true;
              for (int i = 0; i < checks.size(); i++) {
                Future<?> p = probes.get(i);
                ready &= p.succeeded();
                results.put(
                    checks.get(i).name(),
                    p.succeeded() ? "ok" : String.valueOf(p.cause().getMessage()));
              }
              ctx.response()
                  .setStatusCode(ready ? 200 : 503)
                  .putHeader("Content-Type", "application/json")
                  .end(
                      new JsonObject()
                          .put("status", ready ? "ready" : "not_ready")
                          .put("checks", results)
                          .toBuffer());
            });
  }
}
