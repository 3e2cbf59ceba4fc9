package io.sovereignrouter.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.sovereignrouter.gateway.routing.Attempt;
import io.sovereignrouter.gateway.routing.HealthSnapshot;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The gateway's Prometheus metrics. Labels are bounded: tenant ids, policy ids, provider and model
 * ids from configuration, HTTP status classes and rule ids — never request ids, keys or text.
 */
public final class GatewayMetrics {
  private static final Duration[] LATENCY_SLOS = {
    Duration.ofMillis(5), Duration.ofMillis(25), Duration.ofMillis(100), Duration.ofMillis(250),
    Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
    Duration.ofSeconds(15), Duration.ofSeconds(60)
  };
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final MultiGauge breakers;
  private final Supplier<List<HealthSnapshot>> health;

  /**
   * @param health provider health, read at scrape time for the breaker gauge
   * @param treeSize the audit log's current size, read at scrape time
   */
  public GatewayMetrics(Supplier<List<HealthSnapshot>> health, Supplier<Long> treeSize) {
    this.health = health;
    this.breakers =
        MultiGauge.builder("sovereign_breaker_state")
            .description("circuit breaker per provider and model: 0 closed, 1 half-open, 2 open")
            .register(registry);
    registry.gauge("sovereign_log_tree_size", Tags.empty(), treeSize, s -> s.get().doubleValue());
  }

  /** One finished data-plane request. */
  public void request(RequestRecord r) {
    Tags tags =
        Tags.of(
            "endpoint", r.endpoint(),
            "tenant", r.tenantId(),
            "policy", r.policyId(),
            "provider", r.provider(),
            "model", r.model(),
            "status", Integer.toString(r.status()));
    Counter.builder("sovereign_requests").tags(tags).register(registry).increment();
    Timer.builder("sovereign_request_duration")
        .tags("endpoint", r.endpoint(), "status", statusClass(r.status()))
        .serviceLevelObjectives(LATENCY_SLOS)
        .register(registry)
        .record(Duration.ofNanos(r.durationNanos()));
    for (Attempt a : r.attempts()) {
      Tags at = Tags.of("provider", a.providerId(), "model", a.model());
      Counter.builder("sovereign_attempts")
          .tags(at.and("outcome", a.outcome().name().toLowerCase(Locale.ROOT)))
          .register(registry)
          .increment();
      if (a.outcome() == Attempt.Outcome.OK) {
        Timer.builder("sovereign_time_to_first_byte")
            .tags(at)
            .serviceLevelObjectives(LATENCY_SLOS)
            .register(registry)
            .record(Duration.ofMillis(a.ttfbMs()));
      }
    }
    if (r.inputTokens() > 0 || r.outputTokens() > 0) {
      Tags usage = Tags.of("tenant", r.tenantId(), "provider", r.provider(), "model", r.model());
      Counter.builder("sovereign_tokens")
          .tags(usage.and("direction", "input"))
          .register(registry)
          .increment(r.inputTokens());
      Counter.builder("sovereign_tokens")
          .tags(usage.and("direction", "output"))
          .register(registry)
          .increment(r.outputTokens());
      Counter.builder("sovereign_cost_usd")
          .tags(usage)
          .register(registry)
          .increment(r.costMicros() / 1_000_000.0);
    }
  }

  /** One credential found by stage 2. */
  public void leakFinding(String rule) {
    Counter.builder("sovereign_leak_findings").tag("rule", rule).register(registry).increment();
  }

  /** One policy decision. */
  public void policyDecision(String engine, String result, long nanos) {
    Timer.builder("sovereign_policy_decision_duration")
        .tags("engine", engine, "result", result)
        .serviceLevelObjectives(
            Duration.ofNanos(200_000),
            Duration.ofMillis(1),
            Duration.ofMillis(5),
            Duration.ofMillis(25))
        .register(registry)
        .record(Duration.ofNanos(nanos));
  }

  /** One audit-log append, acknowledged after its checkpoint. */
  public void logAppend(long nanos) {
    DistributionSummary.builder("sovereign_log_append_seconds")
        .baseUnit("seconds")
        .serviceLevelObjectives(0.001, 0.005, 0.01, 0.025, 0.1, 0.5)
        .register(registry)
        .record(nanos / 1e9);
  }

  /** The Prometheus text exposition (refreshes scrape-time gauges first). */
  public String scrape() {
    breakers.register(
        health.get().stream()
            .map(
                h ->
                    MultiGauge.Row.of(
                        Tags.of("provider", h.key().providerId(), "model", h.key().model()),
                        h.breaker().ordinal()))
            .toList(),
        true);
    return registry.scrape();
  }

  private static String statusClass(int status) {
    return (status / 100) + "xx";
  }
}
