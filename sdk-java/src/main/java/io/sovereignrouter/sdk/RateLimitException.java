package io.sovereignrouter.sdk;

import java.util.Optional;

/**
 * 429: the tenant or key exceeded a rate limit. {@link #retryAfter()} says when to come back; the
 * client's {@link RetryPolicy} waits that long before retrying.
 */
public final class RateLimitException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param status HTTP status (429)
   * @param error the parsed error body
   * @param meta the answer's headers
   */
  public RateLimitException(int status, ApiError error, ResponseMeta meta) {
    super(status, error, meta);
  }

  /**
   * The {@code x-ratelimit-*} headers of the refusal.
   *
   * @return the limits, when the gateway sent them
   */
  public Optional<RateLimit> rateLimit() {
    return meta().rateLimit();
  }
}
