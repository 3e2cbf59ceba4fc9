package io.sovereignrouter.gateway.ratelimit;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The single-replica limiter: counters in memory, one lock (admission is a few map operations, far
 * cheaper than contention would be).
 */
public final class LocalRateLimiter implements RateLimiter {
  private final Map<String, Counter> counters = new HashMap<>();

  /** Counts of one bucket in one window. */
  private static final class Counter {
    final long window;
    long requests;
    long tokens;

    Counter(long window) {
      this.window = window;
    }
  }

  @Override
  public synchronized Future<RateVerdict> admit(
      List<RateBucket> buckets, long tokens, Instant now) {
    long window = RateLimiter.windowOf(now);
    long[][] counts = new long[buckets.size()][];
    boolean fits = true;
    for (int i = 0; i < buckets.size(); i++) {
      Counter c = counter(buckets.get(i), window);
      counts[i] = new long[] {c.requests, c.tokens};
      fits &= Windows.fits(buckets.get(i), counts[i], tokens);
    }
    if (fits) {
      for (int i = 0; i < buckets.size(); i++) {
        Counter c = counter(buckets.get(i), window);
        c.requests++;
        c.tokens += tokens;
        counts[i] = new long[] {c.requests, c.tokens};
      }
    }
    return Future.succeededFuture(Windows.verdict(fits, buckets, counts, window, now));
  }

  @Override
  public synchronized Future<Void> adjustTokens(List<RateBucket> buckets, long window, long delta) {
    for (RateBucket b : buckets) {
      Counter c = counters.get(key(b));
      if (c != null && c.window == window) {
        c.tokens = Math.max(0, c.tokens + delta);
      }
    }
    return Future.succeededFuture();
  }

  private Counter counter(RateBucket bucket, long window) {
    String key = key(bucket);
    Counter c = counters.get(key);
    if (c == null || c.window != window) {
      // Replacing the stale window keeps one counter per bucket: memory stays bounded.
      c = new Counter(window);
      counters.put(key, c);
    }
    return c;
  }

  private static String key(RateBucket b) {
    return b.scope() + "/" + b.id();
  }

  @Override
  public void close() {}
}
