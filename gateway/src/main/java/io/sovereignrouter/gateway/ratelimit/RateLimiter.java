package io.sovereignrouter.gateway.ratelimit;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;

/**
 * Requests and tokens per minute over fixed one-minute windows. Admission is all-or-nothing: a
 * request is counted in every bucket or in none. In-process for one replica; Redis when replicas
 * share limits — both with the same semantics and the same contract tests.
 */
public interface RateLimiter extends AutoCloseable {
  /** Window length. */
  long WINDOW_MILLIS = 60_000;

  /**
   * Counts one request of {@code tokens} estimated tokens in every bucket, unless any bucket's
   * limit would be exceeded.
   */
  Future<RateVerdict> admit(List<RateBucket> buckets, long tokens, Instant now);

  /**
   * Corrects the token count of an admitted request once its real usage is known ({@code delta} =
   * real − estimated; negative gives tokens back).
   */
  Future<Void> adjustTokens(List<RateBucket> buckets, long window, long delta);

  /** Releases connections. */
  @Override
  void close();

  /** The window index of {@code now}. */
  static long windowOf(Instant now) {
    return Math.floorDiv(now.toEpochMilli(), WINDOW_MILLIS);
  }
}
