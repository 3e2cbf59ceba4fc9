package io.sovereignrouter.gateway.routing;

import io.sovereignrouter.gateway.config.BreakerConfig;
import io.sovereignrouter.gateway.config.HealthConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rolling window and circuit breaker of one provider+model. Thread-safe (event loops of every
 * listener record into it); all state changes happen under the instance lock.
 */
final class ProviderHealth {
  private final HealthKey key;
  private final HealthConfig config;
  private final HealthSample[] ring;
  private int next;
  private int size;
  private int consecutiveFailures;
  private BreakerState state = BreakerState.CLOSED;
  private long openUntilMs;
  private long openForMs;
  private long probeStartedMs = -1;

  ProviderHealth(HealthKey key, HealthConfig config) {
    this.key = key;
    this.config = config;
    this.ring = new HealthSample[config.windowSize()];
    this.openForMs = config.breaker().openMs();
  }

  /**
   * Whether an attempt may start now. A half-open breaker admits one probe at a time; a probe that
   * never reported back is replaced after one open period.
   */
  synchronized boolean admit(long nowMs) {
    BreakerConfig breaker = config.breaker();
    if (!breaker.enabled() || state == BreakerState.CLOSED) {
      return true;
    }
    if (state == BreakerState.OPEN) {
      if (nowMs < openUntilMs) {
        return false;
      }
      state = BreakerState.HALF_OPEN;
      probeStartedMs = nowMs;
      return true;
    }
    if (probeStartedMs >= 0 && nowMs - probeStartedMs < openForMs) {
      return false;
    }
    probeStartedMs = nowMs;
    return true;
  }

  synchronized void record(HealthSample sample) {
    ring[next] = sample;
    next = (next + 1) % ring.length;
    size = Math.min(size + 1, ring.length);
    BreakerConfig breaker = config.breaker();
    if (sample.success()) {
      consecutiveFailures = 0;
      if (state != BreakerState.CLOSED) {
        close();
      }
      return;
    }
    consecutiveFailures++;
    if (!breaker.enabled()) {
      return;
    }
    if (state == BreakerState.HALF_OPEN) {
      open(sample.atMs(), Math.min(openForMs * 2, breaker.maxOpenMs()));
    } else if (state == BreakerState.CLOSED && tripped(sample.atMs())) {
      open(sample.atMs(), breaker.openMs());
    }
  }

  private boolean tripped(long nowMs) {
    BreakerConfig breaker = config.breaker();
    if (consecutiveFailures >= breaker.consecutiveFailures()) {
      return true;
    }
    List<HealthSample> window = window(nowMs);
    long failures = window.stream().filter(s -> !s.success()).count();
    return window.size() >= breaker.minSamples()
        && failures >= breaker.failureRate() * window.size();
  }

  private void open(long nowMs, long forMs) {
    state = BreakerState.OPEN;
    openForMs = forMs;
    openUntilMs = nowMs + forMs;
    probeStartedMs = -1;
  }

  /** A recovered provider starts with a clean window, so old failures cannot re-trip it. */
  private void close() {
    state = BreakerState.CLOSED;
    openForMs = config.breaker().openMs();
    probeStartedMs = -1;
    HealthSample last = ring[(next - 1 + ring.length) % ring.length];
    Arrays.fill(ring, null);
    ring[0] = last;
    next = 1 % ring.length;
    size = 1;
  }

  private List<HealthSample> window(long nowMs) {
    List<HealthSample> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      HealthSample s = ring[(next - 1 - i + 2 * ring.length) % ring.length];
      if (s != null && nowMs - s.atMs() <= config.windowMs()) {
        out.add(s);
      }
    }
    return out;
  }

  synchronized HealthSnapshot snapshot(long nowMs) {
    List<HealthSample> window = window(nowMs);
    long[] ttfb =
        window.stream()
            .filter(HealthSample::success)
            .mapToLong(HealthSample::ttfbMs)
            .sorted()
            .toArray();
    long[] total =
        window.stream()
            .filter(HealthSample::success)
            .mapToLong(HealthSample::totalMs)
            .sorted()
            .toArray();
    double successRate = window.isEmpty() ? 1.0 : (double) ttfb.length / window.size();
    long totalP50 = percentile(total, 0.50);
    long totalP95 = percentile(total, 0.95);
    // Latency weighted by unreliability: a provider failing half the time ranks as if 2.5x slower.
    double score = window.isEmpty() ? 0 : (totalP50 + totalP95) / 2.0 * (1 + 3 * (1 - successRate));
    BreakerState shown =
        state == BreakerState.OPEN && nowMs >= openUntilMs ? BreakerState.HALF_OPEN : state;
    return new HealthSnapshot(
        key,
        window.size(),
        successRate,
        percentile(ttfb, 0.50),
        percentile(ttfb, 0.95),
        totalP50,
        totalP95,
        consecutiveFailures,
        shown,
        state == BreakerState.OPEN ? Math.max(0, openUntilMs - nowMs) : 0,
        score);
  }

  /** Nearest-rank percentile of sorted values; 0 when empty. */
  static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  /** State to persist: the window and the breaker. */
  synchronized PersistedHealth export() {
    List<HealthSample> samples = new ArrayList<>(size);
    for (int i = size - 1; i >= 0; i--) {
      HealthSample s = ring[(next - 1 - i + 2 * ring.length) % ring.length];
      if (s != null) {
        samples.add(s);
      }
    }
    return new PersistedHealth(key, samples, consecutiveFailures, state, openUntilMs, openForMs);
  }

  synchronized void restore(PersistedHealth saved) {
    Arrays.fill(ring, null);
    next = 0;
    size = 0;
    List<HealthSample> samples = saved.samples();
    for (HealthSample s :
        samples.subList(Math.max(0, samples.size() - ring.length), samples.size())) {
      ring[next] = s;
      next = (next + 1) % ring.length;
      size = Math.min(size + 1, ring.length);
    }
    consecutiveFailures = saved.consecutiveFailures();
    // A probe in flight at shutdown never reports back: resume as open and let it expire.
    state = saved.breaker() == BreakerState.HALF_OPEN ? BreakerState.OPEN : saved.breaker();
    openUntilMs = saved.openUntilMs();
    openForMs = Math.max(config.breaker().openMs(), saved.openForMs());
    probeStartedMs = -1;
  }
}
