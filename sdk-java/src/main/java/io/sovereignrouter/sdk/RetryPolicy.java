package io.sovereignrouter.sdk;

import java.time.Duration;
import java.util.Objects;

/**
 * When and how long the client waits before sending a failed request again. Retried: connection
 * failures and timeouts, 408, 429 and 5xx; never 402 (a spent quota does not come back by waiting)
 * nor other 4xx. A {@code Retry-After} from the gateway wins over the backoff; if it asks for
 * longer than {@link #maxRetryAfter()}, the error is thrown at once instead. Streams are retried
 * only before their first byte.
 *
 * @param maxRetries retries after the first attempt (0: never retry)
 * @param initialBackoff delay before the first retry; doubled each time, with jitter
 * @param maxBackoff cap on the computed delay
 * @param maxRetryAfter longest {@code Retry-After} the client is willing to wait
 */
public record RetryPolicy(
    int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {
  /**
   * Validates.
   *
   * @throws IllegalArgumentException if a value is negative
   */
  public RetryPolicy {
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    if (maxRetries < 0
        || initialBackoff.isNegative()
        || maxBackoff.isNegative()
        || maxRetryAfter.isNegative()) {
      throw new IllegalArgumentException("retry policy values must be >= 0");
    }
  }

  /**
   * Two retries, 500 ms doubling up to 8 s, honouring a {@code Retry-After} of up to 60 s.
   *
   * @return the default policy
   */
  public static RetryPolicy defaults() {
    return new RetryPolicy(
        2, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(60));
  }

  /**
   * Never retry.
   *
   * @return a policy with no retries
   */
  public static RetryPolicy none() {
    return new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO);
  }

  /**
   * Whether a status is worth another attempt.
   *
   * @param status an HTTP status
   * @return true for 408, 429 and 5xx
   */
  public boolean retryable(int status) {
    return status == 408 || status == 429 || status >= 500;
  }

  /**
   * The backoff before retry number {@code retry} (1-based), before jitter.
   *
   * @param retry which retry
   * @return {@code min(maxBackoff, initialBackoff * 2^(retry-1))}
   */
  public Duration backoff(int retry) {
    long millis = initialBackoff.toMillis() << Math.min(Math.max(retry - 1, 0), 20);
    return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
  }
}
