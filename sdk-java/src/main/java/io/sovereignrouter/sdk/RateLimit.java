package io.sovereignrouter.sdk;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Rate limits as the gateway reported them, in OpenAI's header names ({@code
 * x-ratelimit-limit-requests}, {@code x-ratelimit-remaining-requests}, {@code
 * x-ratelimit-reset-requests} and the {@code -tokens} variants).
 *
 * @param limitRequests requests allowed per window
 * @param remainingRequests requests left in the window
 * @param resetRequests when the request window resets, as written (e.g. {@code 1s})
 * @param limitTokens tokens allowed per window
 * @param remainingTokens tokens left in the window
 * @param resetTokens when the token window resets, as written
 */
public record RateLimit(
    OptionalLong limitRequests,
    OptionalLong remainingRequests,
    Optional<String> resetRequests,
    OptionalLong limitTokens,
    OptionalLong remainingTokens,
    Optional<String> resetTokens) {
  /** Validates. */
  public RateLimit {
    Objects.requireNonNull(limitRequests, "limitRequests");
    Objects.requireNonNull(remainingRequests, "remainingRequests");
    Objects.requireNonNull(resetRequests, "resetRequests");
    Objects.requireNonNull(limitTokens, "limitTokens");
    Objects.requireNonNull(remainingTokens, "remainingTokens");
    Objects.requireNonNull(resetTokens, "resetTokens");
  }
}
