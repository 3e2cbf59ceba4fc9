package io.sovereignrouter.gateway.tenancy;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * Per-minute limits; an empty value means unlimited. Tenant limits count every key of the tenant
 * together; key limits apply to each key on its own.
 *
 * @param requestsPerMinute tenant-wide requests per minute
 * @param tokensPerMinute tenant-wide tokens per minute
 * @param keyRequestsPerMinute requests per minute for each key
 * @param keyTokensPerMinute tokens per minute for each key
 */
public record RateLimits(
    OptionalLong requestsPerMinute,
    OptionalLong tokensPerMinute,
    OptionalLong keyRequestsPerMinute,
    OptionalLong keyTokensPerMinute) {

  /** No limits. */
  public static final RateLimits NONE =
      new RateLimits(
          OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty());

  /** Validates: every present limit is positive. */
  public RateLimits {
    for (OptionalLong limit :
        new OptionalLong[] {
          requestsPerMinute, tokensPerMinute, keyRequestsPerMinute, keyTokensPerMinute
        }) {
      Objects.requireNonNull(limit, "limit");
      if (limit.isPresent() && limit.getAsLong() <= 0) {
        throw new IllegalArgumentException("rate limits must be positive");
      }
    }
  }
}
