package io.sovereignrouter.gateway.metrics;

import io.sovereignrouter.gateway.routing.Attempt;
import java.util.List;
import java.util.Objects;

/**
 * What the access log and the metrics learn about one finished request (no content, no secrets).
 *
 * @param endpoint e.g. {@code chat.completions}
 * @param requestId {@code X-Request-Id} (log only, never a metric label)
 * @param routeDecisionId the route decision (log only)
 * @param tenantId the tenant, or {@code -} before authentication
 * @param keyFingerprint the key's fingerprint, or {@code -}
 * @param policyId the deciding policy, or {@code -}
 * @param provider the serving provider, or {@code -}
 * @param model the served model, or {@code -}
 * @param status HTTP status
 * @param durationNanos time from arrival to the end of the response
 * @param attempts provider attempts
 * @param logIndex the attestation's log index, or -1
 * @param inputTokens prompt tokens settled
 * @param outputTokens completion tokens settled
 * @param costMicros cost settled
 */
public record RequestRecord(
    String endpoint,
    String requestId,
    String routeDecisionId,
    String tenantId,
    String keyFingerprint,
    String policyId,
    String provider,
    String model,
    int status,
    long durationNanos,
    List<Attempt> attempts,
    long logIndex,
    long inputTokens,
    long outputTokens,
    long costMicros) {
  /** Validates and copies. */
  public RequestRecord {
    Objects.requireNonNull(endpoint, "endpoint");
    attempts = List.copyOf(attempts);
  }
}
