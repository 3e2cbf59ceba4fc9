package io.sovereignrouter.sdk;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The tenant's spend quota as the gateway reported it ({@code X-Quota-Limit}, {@code
 * X-Quota-Remaining}, {@code X-Quota-Reset}). Amounts are decimals because caps may be in currency.
 *
 * @param limit the cap
 * @param remaining what is left of it
 * @param reset when it resets, as the gateway wrote it
 */
public record Quota(
    Optional<BigDecimal> limit, Optional<BigDecimal> remaining, Optional<String> reset) {
  /** Validates. */
  public Quota {
    Objects.requireNonNull(limit, "limit");
    Objects.requireNonNull(remaining, "remaining");
    Objects.requireNonNull(reset, "reset");
  }
}
