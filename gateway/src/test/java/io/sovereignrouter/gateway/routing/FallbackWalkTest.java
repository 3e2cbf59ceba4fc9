package io.sovereignrouter.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.sovereignrouter.gateway.config.BreakerConfig;
import io.sovereignrouter.gateway.config.HealthConfig;
import io.sovereignrouter.gateway.config.ModelConfig;
import io.sovereignrouter.gateway.config.ModelKind;
import io.sovereignrouter.gateway.config.RoutingConfig;
import io.sovereignrouter.gateway.provider.ProviderFailure;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FallbackWalkTest {
  private final AtomicLong clock = new AtomicLong(1_000_000);

  private FallbackWalk walk(int maxAttempts, boolean breaker) {
    return new FallbackWalk(tracker(breaker), routing(maxAttempts, breaker));
  }

  private HealthTracker tracker(boolean breaker) {
    return new HealthTracker(health(breaker), clock::get);
  }

  private static HealthConfig health(boolean breaker) {
    return new HealthConfig(
        null, null, new BreakerConfig(breaker, 2, null, null, 1000L, null), null);
  }

  private static RoutingConfig routing(int maxAttempts, boolean breaker) {
    return new RoutingConfig(maxAttempts, null, health(breaker));
  }

  private static List<Route> routes(String... ids) {
    List<Route> out = new ArrayList<>();
    for (String id : ids) {
      out.add(
          new Route(
              new ScriptedProvider(id), new ModelConfig("m", "m-" + id, ModelKind.CHAT, null), 0));
    }
    return out;
  }

  private static Future<FallbackWalk.Served<String>> run(
      FallbackWalk walk,
      List<Route> routes,
      Map<String, ProviderFailure> failures,
      List<Attempt> attempts) {
    return walk.walk(
        routes,
        r -> {
          ProviderFailure f = failures.get(r.provider().id());
          return f == null
              ? Future.succeededFuture("served by " + r.provider().id())
              : Future.failedFuture(f);
        },
        ClientProgress.NONE,
        attempts);
  }

  @Test
  void walk_retryableFailure_movesToNext() {
    List<Attempt> attempts = new ArrayList<>();
    var served =
        run(
            walk(3, false),
            routes("a", "b"),
            Map.of("a", ProviderFailure.status("a", 503, Buffer.buffer())),
            attempts);
    assertThat(served.result().result()).isEqualTo("served by b");
    assertThat(attempts)
        .extracting(Attempt::providerId, Attempt::outcome, Attempt::status, Attempt::errorClass)
        .containsExactly(
            tuple("a", Attempt.Outcome.FAILED, 503, "status"),
            tuple("b", Attempt.Outcome.OK, 200, ""));
  }

  @Test
  void walk_clientErrorsAndAuthErrors_stopWithoutFallback() {
    for (int status : new int[] {400, 401, 403, 404, 413, 422}) {
      List<Attempt> attempts = new ArrayList<>();
      var served =
          run(
              walk(3, false),
              routes("a", "b"),
              Map.of("a", ProviderFailure.status("a", status, Buffer.buffer())),
              attempts);
      assertThat(((ProviderFailure) served.cause()).status()).isEqualTo(status);
      assertThat(attempts).extracting(Attempt::outcome).containsExactly(Attempt.Outcome.REJECTED);
    }
  }

  @Test
  void walk_408And429_areRetried() {
    for (int status : new int[] {408, 429}) {
      List<Attempt> attempts = new ArrayList<>();
      var served =
          run(
              walk(3, false),
              routes("a", "b"),
              Map.of("a", ProviderFailure.status("a", status, Buffer.buffer())),
              attempts);
      assertThat(served.result().route().provider().id()).isEqualTo("b");
    }
  }

  @Test
  void walk_failureAfterCommit_noSwitch() {
    List<Attempt> attempts = new ArrayList<>();
    ClientProgress committed =
        new ClientProgress() {
          @Override
          public boolean committed() {
            return true;
          }

          @Override
          public long firstByteNanos() {
            return System.nanoTime();
          }
        };
    var served =
        walk(3, false)
            .walk(
                routes("a", "b"),
                r -> Future.<String>failedFuture(ProviderFailure.protocol("a", "broken")),
                committed,
                attempts);
    assertThat(served.failed()).isTrue();
    assertThat(attempts)
        .extracting(Attempt::outcome)
        .containsExactly(Attempt.Outcome.FAILED_AFTER_COMMIT);
  }

  @Test
  void walk_maxAttempts_bounded_lastFailureReturned() {
    List<Attempt> attempts = new ArrayList<>();
    var served =
        run(
            walk(2, false),
            routes("a", "b", "c"),
            Map.of(
                "a", ProviderFailure.timeout("a", 10),
                "b", ProviderFailure.connect("b", new java.net.ConnectException("refused")),
                "c", ProviderFailure.status("c", 429, Buffer.buffer())),
            attempts);
    assertThat(((ProviderFailure) served.cause()).kind()).isEqualTo(ProviderFailure.Kind.CONNECT);
    assertThat(attempts)
        .extracting(Attempt::providerId, Attempt::model)
        .containsExactly(tuple("a", "m-a"), tuple("b", "m-b"));
  }

  @Test
  void walk_breakerOpen_skipsWithoutAttempt_thenCircuitOpenWhenNoneLeft() {
    FallbackWalk walk = walk(3, true);
    List<Route> routes = routes("a", "b");
    Map<String, ProviderFailure> aDown =
        Map.of("a", ProviderFailure.status("a", 500, Buffer.buffer()));
    run(walk, routes, aDown, new ArrayList<>());
    run(walk, routes, aDown, new ArrayList<>()); // second consecutive failure opens a's breaker

    List<Attempt> attempts = new ArrayList<>();
    assertThat(run(walk, routes, aDown, attempts).result().route().provider().id()).isEqualTo("b");
    assertThat(attempts).extracting(Attempt::providerId).containsExactly("b");

    Map<String, ProviderFailure> allDown =
        Map.of(
            "a", ProviderFailure.status("a", 500, Buffer.buffer()),
            "b", ProviderFailure.status("b", 500, Buffer.buffer()));
    run(walk, routes, allDown, new ArrayList<>());
    run(walk, routes, allDown, new ArrayList<>());
    List<Attempt> none = new ArrayList<>();
    var refused = run(walk, routes, allDown, none);
    assertThat(refused.cause())
        .isInstanceOfSatisfying(
            CircuitOpenException.class, e -> assertThat(e.retryAfterMs()).isBetween(1L, 1000L));
    assertThat(none).isEmpty();
  }

  @Test
  void walk_policyRankBindsBeforeHealth_equalRankOrderedByHealth() {
    HealthTracker health = tracker(false);
    FallbackWalk walk = new FallbackWalk(health, routing(4, false));
    List<Route> r = routes("preferred", "slow-peer", "fast-peer", "healthiest");
    // Chain order as the policy returned it: preferred (rank 0), two peers (rank 1), then rank 2.
    List<Route> ranked =
        List.of(
            r.get(0).withRank(0), r.get(1).withRank(1), r.get(2).withRank(1), r.get(3).withRank(2));
    Map<String, ProviderFailure> allButHealthiestFail =
        Map.of(
            "preferred", ProviderFailure.status("preferred", 503, Buffer.buffer()),
            "slow-peer", ProviderFailure.status("slow-peer", 503, Buffer.buffer()),
            "fast-peer", ProviderFailure.status("fast-peer", 503, Buffer.buffer()));
    // Warm-up: one walk over every candidate gives each a health sample; then make the rank-1
    // peers differ (fast-peer healthier) and rank 2 the healthiest of all.
    run(walk, ranked, allButHealthiestFail, new ArrayList<>());
    List<Attempt> attempts = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      health.record(ranked.get(1), true, 900, 900);
      health.record(ranked.get(2), true, 50, 50);
      health.record(ranked.get(3), true, 1, 1);
    }
    var served = run(walk, ranked, allButHealthiestFail, attempts);
    assertThat(served.result().route().provider().id()).isEqualTo("healthiest");
    assertThat(attempts)
        .extracting(Attempt::providerId)
        .containsExactly("preferred", "fast-peer", "slow-peer", "healthiest");
  }
}
