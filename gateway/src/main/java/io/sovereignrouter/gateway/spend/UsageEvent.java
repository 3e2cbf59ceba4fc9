package io.sovereignrouter.gateway.spend;

import java.time.Instant;
import java.util.Objects;

/**
 * What one served request consumed, as recorded for usage reports and spend.
 *
 * @param at when it was settled (its UTC day is the usage day)
 * @param tenantId the tenant
 * @param keyId the key it authenticated with
 * @param provider the serving provider id
 * @param model the served model id (as clients name it)
 * @param inputTokens prompt tokens
 * @param outputTokens completion tokens
 * @param costMicros cost in micro-dollars
 */
public record UsageEvent(
    Instant at,
    String tenantId,
    String keyId,
    String provider,
    String model,
    long inputTokens,
    long outputTokens,
    long costMicros) {
  /** Validates. */
  public UsageEvent {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(model, "model");
    if (inputTokens < 0 || outputTokens < 0 || costMicros < 0) {
      throw new IllegalArgumentException("usage must not be negative");
    }
  }
}
