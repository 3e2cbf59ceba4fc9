package io.sovereignrouter.gateway.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Turns per-bucket counts into a {@link RateVerdict}; shared by both limiters. */
final class Windows {
  private Windows() {}

  /**
   * @param counts per bucket, {requests, tokens} in the window after (admitted) or before (refused)
   *     this request
   */
  static RateVerdict verdict(
      boolean admitted, List<RateBucket> buckets, long[][] counts, long window, Instant now) {
    Duration reset =
        Duration.ofMillis((window + 1) * RateLimiter.WINDOW_MILLIS - now.toEpochMilli());
    Optional<RateVerdict.Window> requests = Optional.empty();
    Optional<RateVerdict.Window> tokens = Optional.empty();
    for (int i = 0; i < buckets.size(); i++) {
      requests = tighter(requests, buckets.get(i).requestsPerMinute(), counts[i][0], reset);
      tokens = tighter(tokens, buckets.get(i).tokensPerMinute(), counts[i][1], reset);
    }
    return new RateVerdict(admitted, requests, tokens, window);
  }

  private static Optional<RateVerdict.Window> tighter(
      Optional<RateVerdict.Window> current, OptionalLong limit, long used, Duration reset) {
    if (limit.isEmpty()) {
      return current;
    }
    RateVerdict.Window w =
        new RateVerdict.Window(limit.getAsLong(), limit.getAsLong() - used, reset);
    return current.isPresent() && current.get().remaining() <= w.remaining()
        ? current
        : Optional.of(w);
  }

  /** Whether one more request of {@code tokens} fits in a bucket holding {@code used}. */
  static boolean fits(RateBucket bucket, long[] used, long tokens) {
    boolean requestsFit =
        bucket.requestsPerMinute().isEmpty()
            || used[0] + 1 <= bucket.requestsPerMinute().getAsLong();
    boolean tokensFit =
        bucket.tokensPerMinute().isEmpty()
            || used[1] + tokens <= bucket.tokensPerMinute().getAsLong();
    return requestsFit && tokensFit;
  }
}
