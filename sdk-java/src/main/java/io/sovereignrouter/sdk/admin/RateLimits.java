package io.sovereignrouter.sdk.admin;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A tenant's rate limits per minute, for the tenant as a whole and per key; an absent limit is
 * unlimited. Build with {@link #none()} and the {@code with…} methods.
 *
 * @param rpm requests per minute for the tenant
 * @param tpm tokens per minute for the tenant
 * @param keyRpm requests per minute for each key
 * @param keyTpm tokens per minute for each key
 */
public record RateLimits(
    OptionalLong rpm, OptionalLong tpm, OptionalLong keyRpm, OptionalLong keyTpm) {
  /** Validates. */
  public RateLimits {
    for (OptionalLong l : new OptionalLong[] {rpm, tpm, keyRpm, keyTpm}) {
      Objects.requireNonNull(l, "limit");
      if (l.isPresent() && l.getAsLong() < 1) {
        throw new IllegalArgumentException("a rate limit must be >= 1");
      }
    }
  }

  /**
   * No limit at all.
   *
   * @return limits with every value absent
   */
  public static RateLimits none() {
    OptionalLong no = OptionalLong.empty();
    return new RateLimits(no, no, no, no);
  }

  /**
   * With a tenant-wide request limit.
   *
   * @param perMinute requests per minute
   * @return new limits
   */
  public RateLimits withRpm(long perMinute) {
    return new RateLimits(OptionalLong.of(perMinute), tpm, keyRpm, keyTpm);
  }

  /**
   * With a tenant-wide token limit.
   *
   * @param perMinute tokens per minute
   * @return new limits
   */
  public RateLimits withTpm(long perMinute) {
    return new RateLimits(rpm, OptionalLong.of(perMinute), keyRpm, keyTpm);
  }

  /**
   * With a per-key request limit.
   *
   * @param perMinute requests per minute per key
   * @return new limits
   */
  public RateLimits withKeyRpm(long perMinute) {
    return new RateLimits(rpm, tpm, OptionalLong.of(perMinute), keyTpm);
  }

  /**
   * With a per-key token limit.
   *
   * @param perMinute tokens per minute per key
   * @return new limits
   */
  public RateLimits withKeyTpm(long perMinute) {
    return new RateLimits(rpm, tpm, keyRpm, OptionalLong.of(perMinute));
  }
}
