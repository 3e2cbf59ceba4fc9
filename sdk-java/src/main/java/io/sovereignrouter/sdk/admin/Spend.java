package io.sovereignrouter.sdk.admin;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a tenant stands against its spend cap: settled spend plus the holds of requests in flight.
 * Without a cap only {@link #tenantId()} is set.
 *
 * @param tenantId the tenant
 * @param spendCap its cap, if any
 * @param limitUsd the cap for the current period
 * @param remainingUsd what is left of it now
 * @param resetsAt when the period ends
 */
public record Spend(
    String tenantId,
    Optional<SpendCap> spendCap,
    Optional<BigDecimal> limitUsd,
    Optional<BigDecimal> remainingUsd,
    Optional<Instant> resetsAt) {
  /** Validates. */
  public Spend {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(spendCap, "spendCap");
    Objects.requireNonNull(limitUsd, "limitUsd");
    Objects.requireNonNull(remainingUsd, "remainingUsd");
    Objects.requireNonNull(resetsAt, "resetsAt");
  }
}
