package io.sovereignrouter.gateway.spend;

import java.util.Objects;

/**
 * A hold on a tenant's spend cap for one in-flight request, settled or released exactly once.
 *
 * @param id random id of the hold
 * @param tenantId whose cap it holds
 * @param amountMicros the estimated maximum cost held
 * @param status the cap after this hold
 */
public record Reservation(String id, String tenantId, long amountMicros, QuotaStatus status) {
  /** Validates. */
  public Reservation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(status, "status");
  }
}
