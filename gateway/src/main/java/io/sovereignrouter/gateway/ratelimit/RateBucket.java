package io.sovereignrouter.gateway.ratelimit;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * One counter pair (requests, tokens) per minute window, e.g. a tenant or one key.
 *
 * @param scope the tenant id every bucket of a request shares (keeps a request's counters on one
 *     Redis Cluster slot)
 * @param id the bucket within the scope ({@code tenant} or {@code key:<id>})
 * @param requestsPerMinute request limit, empty for unlimited
 * @param tokensPerMinute token limit, empty for unlimited
 */
public record RateBucket(
    String scope, String id, OptionalLong requestsPerMinute, OptionalLong tokensPerMinute) {
  /** Validates. */
  public RateBucket {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(requestsPerMinute, "requestsPerMinute");
    Objects.requireNonNull(tokensPerMinute, "tokensPerMinute");
  }

  /** Whether this bucket limits anything. */
  public boolean limited() {
    return requestsPerMinute.isPresent() || tokensPerMinute.isPresent();
  }
}
