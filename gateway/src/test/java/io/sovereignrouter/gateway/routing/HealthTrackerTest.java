package io.sovereignrouter.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.sovereignrouter.gateway.config.BreakerConfig;
import io.sovereignrouter.gateway.config.HealthConfig;
import io.sovereignrouter.gateway.config.ModelConfig;
import io.sovereignrouter.gateway.config.ModelKind;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HealthTrackerTest {
  private final AtomicLong clock = new AtomicLong(10_000_000);
  private final HealthConfig config =
      new HealthConfig(20, 60_000L, new BreakerConfig(true, 3, 0.5, 10, 1_000L, 4_000L), null);
  private final HealthTracker tracker = new HealthTracker(config, clock::get);

  private static Route route(String id, int rank) {
    return new Route(new ScriptedProvider(id), new ModelConfig("m", "m", ModelKind.CHAT, null), 0)
        .withRank(rank);
  }

  private void record(Route r, boolean ok, long ms, int times) {
    for (int i = 0; i < times; i++) {
      tracker.record(r, ok, ms, ms);
    }
  }

  @Test
  void snapshot_percentilesAndSuccessRate() {
    Route a = route("a", 0);
    for (int ms = 1; ms <= 100; ms++) {
      tracker.record(a, true, ms, ms * 2L);
    }
    // Window keeps the last 20: 81..100.
    HealthSnapshot s = tracker.snapshot(a);
    assertThat(s.samples()).isEqualTo(20);
    assertThat(s.ttfbP50Ms()).isEqualTo(90);
    assertThat(s.ttfbP95Ms()).isEqualTo(99);
    assertThat(s.totalP50Ms()).isEqualTo(180);
    assertThat(s.successRate()).isEqualTo(1.0);
  }

  @Test
  void snapshot_samplesOutsideTimeWindowIgnored() {
    Route a = route("a", 0);
    record(a, false, 5, 2);
    clock.addAndGet(61_000);
    record(a, true, 5, 1);
    assertThat(tracker.snapshot(a).samples()).isEqualTo(1);
    assertThat(tracker.snapshot(a).successRate()).isEqualTo(1.0);
  }

  @Test
  void order_rankFirst_thenScore_thenChainOrder() {
    Route slow = route("slow", 0);
    Route fast = route("fast", 0);
    Route unknown = route("unknown", 0);
    Route backup = route("backup", 1);
    record(slow, true, 500, 5);
    record(fast, true, 50, 5);
    record(backup, true, 1, 5);
    assertThat(tracker.order(List.of(backup, slow, fast, unknown)))
        .extracting(r -> r.provider().id())
        .containsExactly("unknown", "fast", "slow", "backup");
  }

  @Test
  void order_policyPreferredSlowerProvider_beforeHealthierOne() {
    // The policy ranks b first; a is faster, reliable and configured with a lower priority.
    Route a =
        new Route(new ScriptedProvider("a"), new ModelConfig("m", "m", ModelKind.CHAT, null), 0)
            .withRank(1);
    Route b =
        new Route(new ScriptedProvider("b"), new ModelConfig("m", "m", ModelKind.CHAT, null), 5)
            .withRank(0);
    record(a, true, 10, 5);
    record(b, true, 900, 4);
    record(b, false, 900, 1);
    assertThat(tracker.snapshot(a).score()).isLessThan(tracker.snapshot(b).score());
    assertThat(tracker.order(List.of(a, b)))
        .extracting(r -> r.provider().id())
        .containsExactly("b", "a");
  }

  @Test
  void order_equalRank_fallsBackToHealth_notConfiguredPriority() {
    Route first =
        new Route(new ScriptedProvider("first"), new ModelConfig("m", "m", ModelKind.CHAT, null), 0)
            .withRank(2);
    Route healthier =
        new Route(
                new ScriptedProvider("healthier"),
                new ModelConfig("m", "m", ModelKind.CHAT, null),
                9)
            .withRank(2);
    record(first, true, 400, 5);
    record(healthier, true, 40, 5);
    assertThat(tracker.order(List.of(first, healthier)))
        .extracting(r -> r.provider().id())
        .containsExactly("healthier", "first");
  }

  @Test
  void order_openBreakerStaysBehindClosedOnes_onlyWithinItsRank() {
    Route broken = route("broken", 0);
    Route sameRank = route("same-rank", 0);
    Route lowerRank = route("lower-rank", 1);
    record(broken, false, 5, 3);
    assertThat(tracker.snapshot(broken).breaker()).isEqualTo(BreakerState.OPEN);
    assertThat(tracker.order(List.of(lowerRank, broken, sameRank)))
        .extracting(r -> r.provider().id())
        .containsExactly("same-rank", "broken", "lower-rank");
  }

  @Test
  void order_failuresRankBelowSlowerReliableProvider() {
    Route flaky = route("flaky", 0);
    Route steady = route("steady", 0);
    record(flaky, true, 100, 1);
    record(flaky, false, 100, 1);
    record(steady, true, 200, 2);
    // flaky: 100ms x (1 + 3 x 0.5) = 250 > steady 200
    assertThat(tracker.order(List.of(flaky, steady)))
        .extracting(r -> r.provider().id())
        .containsExactly("steady", "flaky");
  }

  @Test
  void breaker_opensAfterConsecutiveFailures_halfOpenProbe_closesOnSuccess() {
    Route a = route("a", 0);
    record(a, false, 5, 3);
    assertThat(tracker.snapshot(a).breaker()).isEqualTo(BreakerState.OPEN);
    assertThat(tracker.admit(a)).isFalse();

    clock.addAndGet(1_000);
    assertThat(tracker.admit(a)).as("probe").isTrue();
    assertThat(tracker.admit(a)).as("second request while probing").isFalse();
    record(a, true, 5, 1);
    assertThat(tracker.snapshot(a).breaker()).isEqualTo(BreakerState.CLOSED);
    assertThat(tracker.admit(a)).isTrue();
    assertThat(tracker.snapshot(a).consecutiveFailures()).isZero();
  }

  @Test
  void breaker_failedProbe_reopensForTwiceAsLong_cappedAtMax() {
    Route a = route("a", 0);
    record(a, false, 5, 3);
    long[] expected = {2_000, 4_000, 4_000};
    for (long openFor : expected) {
      clock.addAndGet(tracker.snapshot(a).openForMs());
      assertThat(tracker.admit(a)).isTrue();
      record(a, false, 5, 1);
      assertThat(tracker.snapshot(a).openForMs()).isEqualTo(openFor);
    }
  }

  @Test
  void breaker_opensOnFailureRate() {
    Route a = route("a", 0);
    for (int i = 0; i < 10; i++) {
      tracker.record(a, i % 2 == 0, 5, 5); // alternating: never 3 in a row, 50% failures
    }
    assertThat(tracker.snapshot(a).breaker()).isEqualTo(BreakerState.OPEN);
  }

  @Test
  void breaker_stuckProbeReplacedAfterOpenPeriod() {
    Route a = route("a", 0);
    record(a, false, 5, 3);
    clock.addAndGet(1_000);
    assertThat(tracker.admit(a)).isTrue();
    clock.addAndGet(999);
    assertThat(tracker.admit(a)).isFalse();
    clock.addAndGet(1);
    assertThat(tracker.admit(a)).isTrue();
  }

  @Test
  void exportRestore_roundTrip_probeInFlightResumesOpen() {
    Route a = route("a", 0);
    record(a, true, 7, 4);
    record(a, false, 7, 3);
    clock.addAndGet(1_000);
    tracker.admit(a); // probe in flight at "shutdown"
    HealthTracker restored = new HealthTracker(config, clock::get);
    restored.restore(tracker.export());
    HealthSnapshot s = restored.snapshot(a);
    assertThat(s.samples()).isEqualTo(7);
    assertThat(s.consecutiveFailures()).isEqualTo(3);
    assertThat(s.ttfbP50Ms()).isEqualTo(7);
    assertThat(s.breaker()).isEqualTo(BreakerState.HALF_OPEN);
    assertThat(restored.admit(a)).isTrue();
    assertThat(restored.admit(a)).isFalse();
  }
}
