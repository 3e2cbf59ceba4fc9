package io.sovereignrouter.gateway.spend;

import java.time.Instant;
import java.util.Objects;

/**
 * A tenant's spend cap as clients see it in {@code X-Quota-*} headers.
 *
 * @param limitMicros the cap for the current period
 * @param remainingMicros what is left after settled spend and open reservations (never negative)
 * @param reset when the current period ends
 */
public record QuotaStatus(long limitMicros, long remainingMicros, Instant reset) {
  /** Validates. */
  public QuotaStatus {
    Objects.requireNonNull(reset, "reset");
    remainingMicros = Math.max(0, remainingMicros);
  }
}
