package io.sovereignrouter.gateway.ratelimit;

import static io.sovereignrouter.gateway.storage.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** One rate-limit contract for the in-process and the Redis limiter. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RateLimiterContract {
  protected Vertx vertx;
  private RateLimiter limiter;

  protected abstract RateLimiter open(Vertx vertx);

  @BeforeAll
  void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  void stopVertx() {
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  @BeforeEach
  void openLimiter() {
    limiter = open(vertx);
  }

  @AfterEach
  void closeLimiter() {
    limiter.close();
  }

  private static String scope() {
    return "tn_" + UUID.randomUUID();
  }

  /** Noon of some minute: far from a window edge, so every call lands in one window. */
  private static Instant midWindow() {
    long now = System.currentTimeMillis();
    return Instant.ofEpochMilli(now - now % RateLimiter.WINDOW_MILLIS + 30_000);
  }

  @Test
  void requestsPerMinute_allOrNothing_acrossBuckets() {
    String s = scope();
    RateBucket tenant = new RateBucket(s, "tenant", OptionalLong.of(5), OptionalLong.empty());
    RateBucket key = new RateBucket(s, "key:a", OptionalLong.of(3), OptionalLong.empty());
    Instant at = midWindow();
    for (int i = 0; i < 3; i++) {
      assertThat(await(limiter.admit(List.of(tenant, key), 0, at)).admitted()).isTrue();
    }
    RateVerdict refused = await(limiter.admit(List.of(tenant, key), 0, at));
    assertThat(refused.admitted()).isFalse();
    assertThat(refused.requests().orElseThrow().remaining()).isZero();
    assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(30));
    // The refused request was not counted in the tenant bucket: two more fit via another key.
    RateBucket other = new RateBucket(s, "key:b", OptionalLong.of(3), OptionalLong.empty());
    assertThat(await(limiter.admit(List.of(tenant, other), 0, at)).admitted()).isTrue();
    RateVerdict last = await(limiter.admit(List.of(tenant, other), 0, at));
    assertThat(last.admitted()).isTrue();
    assertThat(last.requests().orElseThrow())
        .isEqualTo(new RateVerdict.Window(5, 0, Duration.ofSeconds(30)));
    assertThat(await(limiter.admit(List.of(tenant, other), 0, at)).admitted()).isFalse();
    // The next window starts fresh.
    assertThat(await(limiter.admit(List.of(tenant, key), 0, at.plusSeconds(60))).admitted())
        .isTrue();
  }

  @Test
  void tokensPerMinute_withCorrection() {
    String s = scope();
    RateBucket tenant = new RateBucket(s, "tenant", OptionalLong.empty(), OptionalLong.of(1_000));
    Instant at = midWindow();
    RateVerdict first = await(limiter.admit(List.of(tenant), 800, at));
    assertThat(first.tokens().orElseThrow().remaining()).isEqualTo(200);
    assertThat(await(limiter.admit(List.of(tenant), 300, at)).admitted()).isFalse();
    await(limiter.adjustTokens(List.of(tenant), first.window(), -600)); // used only 200
    RateVerdict again = await(limiter.admit(List.of(tenant), 300, at));
    assertThat(again.admitted()).isTrue();
    assertThat(again.tokens().orElseThrow().remaining()).isEqualTo(500);
  }

  @Test
  void concurrentAdmissions_neverExceedTheLimit() {
    RateBucket tenant =
        new RateBucket(scope(), "tenant", OptionalLong.of(50), OptionalLong.empty());
    Instant at = midWindow();
    List<Future<RateVerdict>> all = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      all.add(limiter.admit(List.of(tenant), 0, at));
    }
    await(Future.all(all));
    assertThat(all.stream().filter(f -> f.result().admitted()).count()).isEqualTo(50);
  }
}
