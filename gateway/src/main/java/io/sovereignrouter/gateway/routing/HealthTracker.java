package io.sovereignrouter.gateway.routing;

import io.sovereignrouter.gateway.config.HealthConfig;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.stream.IntStream;

/**
 * Health of every provider+model: rolling latency percentiles and success rate, a circuit breaker
 * each, and the order in which candidates should be tried.
 */
public final class HealthTracker {
  private final HealthConfig config;
  private final LongSupplier clockMs;
  private final Map<HealthKey, ProviderHealth> entries = new ConcurrentHashMap<>();

  /**
   * @param config window and breaker settings
   * @param clockMs wall clock in epoch millis (injectable for tests)
   */
  public HealthTracker(HealthConfig config, LongSupplier clockMs) {
    this.config = config;
    this.clockMs = clockMs;
  }

  private ProviderHealth entry(HealthKey key) {
    return entries.computeIfAbsent(key, k -> new ProviderHealth(k, config));
  }

  /**
   * Orders candidates for the walk (DESIGN §1 stage 4: policy preference, then health): by the
   * policy's {@link Route#rank()}, then breaker (closed first, then ready for a probe, open last),
   * then score, then position in {@code candidates} (the policy's chain order). The configured
   * priority is not read here: it reached the policy as an input and is already part of the rank.
   * Open candidates stay in the list; {@link #admit} decides at attempt time.
   */
  public List<Route> order(List<Route> candidates) {
    long now = clockMs.getAsLong();
    List<HealthSnapshot> snapshots =
        candidates.stream().map(r -> entry(r.healthKey()).snapshot(now)).toList();
    return IntStream.range(0, candidates.size())
        .boxed()
        .sorted(
            Comparator.<Integer>comparingInt(i -> candidates.get(i).rank())
                .thenComparingInt(i -> snapshots.get(i).breaker().ordinal())
                .thenComparingDouble(i -> snapshots.get(i).score())
                .thenComparingInt(i -> i))
        .map(candidates::get)
        .toList();
  }

  /** Whether {@code route} may be attempted now (its breaker is closed, or this is the probe). */
  public boolean admit(Route route) {
    return entry(route.healthKey()).admit(clockMs.getAsLong());
  }

  /** Records one attempt's outcome. */
  public void record(Route route, boolean success, long ttfbMs, long totalMs) {
    entry(route.healthKey())
        .record(new HealthSample(success, ttfbMs, totalMs, clockMs.getAsLong()));
  }

  /** Current health of {@code route}. */
  public HealthSnapshot snapshot(Route route) {
    return entry(route.healthKey()).snapshot(clockMs.getAsLong());
  }

  /** Current health of everything seen, sorted by provider and model. */
  public List<HealthSnapshot> snapshots() {
    long now = clockMs.getAsLong();
    return entries.values().stream()
        .map(h -> h.snapshot(now))
        .sorted(
            Comparator.comparing((HealthSnapshot s) -> s.key().providerId())
                .thenComparing(s -> s.key().model()))
        .toList();
  }

  /** State to persist. */
  public List<PersistedHealth> export() {
    return entries.values().stream().map(ProviderHealth::export).toList();
  }

  /** Restores persisted state (at start, before traffic). */
  public void restore(List<PersistedHealth> saved) {
    saved.forEach(s -> entry(s.key()).restore(s));
  }
}
