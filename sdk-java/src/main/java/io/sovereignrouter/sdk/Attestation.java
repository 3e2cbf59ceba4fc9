package io.sovereignrouter.sdk;

import io.sovereignrouter.sdk.internal.AttestationCodec;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The gateway's {@code _sf_attestation} (DESIGN §5): which provider and model served a call, under
 * which policy and tier, recorded at {@link #rekorIndex()} in the audit log. The fields are the
 * gateway's claims until {@link AttestationVerifier} has checked them against the signed statement
 * and the log.
 *
 * <p>Fields the gateway has no value for (e.g. a model without a pinned hash, no mirror) are empty.
 *
 * @param version format version (1)
 * @param routeDecisionId the routing decision, {@code rd_…}
 * @param rekorIndex the entry's index in the gateway's audit log (named for the product sheet)
 * @param logOrigin the log's name, as in its checkpoints
 * @param model the model the client asked for
 * @param modelHash the served model's pinned hash, {@code sha256:…}
 * @param providerId the provider that served
 * @param providerModel the provider's own model id
 * @param policyId the policy the request was routed under
 * @param policyDigest digest of that policy's source and data
 * @param tierRequired the tier the policy required
 * @param tierObserved the tier of the serving model, from verified witness statements
 * @param witnesses witness ids behind {@code tierObserved}
 * @param mirrorId an external log or witness that cosigned the checkpoint
 * @param tenantId the calling tenant
 * @param keyFingerprint fingerprint of the API key used
 * @param stream whether the answer was streamed
 * @param attempts every provider attempt, in order
 * @param leakFindings credential-leak findings in the request
 * @param usage token usage, when reported
 * @param costUsd the call's cost, when priced
 * @param json the attestation as received, which verification reads
 */
public record Attestation(
    int version,
    String routeDecisionId,
    long rekorIndex,
    String logOrigin,
    String model,
    Optional<String> modelHash,
    String providerId,
    Optional<String> providerModel,
    Optional<String> policyId,
    Optional<String> policyDigest,
    Optional<String> tierRequired,
    Optional<String> tierObserved,
    List<String> witnesses,
    Optional<String> mirrorId,
    Optional<String> tenantId,
    Optional<String> keyFingerprint,
    boolean stream,
    List<Attempt> attempts,
    long leakFindings,
    Optional<Usage> usage,
    Optional<BigDecimal> costUsd,
    String json) {
  /** Validates and copies. */
  public Attestation {
    Objects.requireNonNull(routeDecisionId, "routeDecisionId");
    Objects.requireNonNull(logOrigin, "logOrigin");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(modelHash, "modelHash");
    Objects.requireNonNull(providerId, "providerId");
    Objects.requireNonNull(providerModel, "providerModel");
    Objects.requireNonNull(policyId, "policyId");
    Objects.requireNonNull(policyDigest, "policyDigest");
    Objects.requireNonNull(tierRequired, "tierRequired");
    Objects.requireNonNull(tierObserved, "tierObserved");
    witnesses = List.copyOf(witnesses);
    Objects.requireNonNull(mirrorId, "mirrorId");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(keyFingerprint, "keyFingerprint");
    attempts = List.copyOf(attempts);
    Objects.requireNonNull(usage, "usage");
    Objects.requireNonNull(costUsd, "costUsd");
    Objects.requireNonNull(json, "json");
  }

  /**
   * Reads an {@code _sf_attestation} object, or a response body / stream chunk that carries one.
   *
   * @param json the JSON text
   * @return the attestation (not yet verified)
   * @throws SovereignProtocolException if it is not an attestation
   */
  public static Attestation parse(String json) {
    return AttestationCodec.parse(json);
  }

  /**
   * Whether the attestation carries its inclusion proof. A gateway running {@code
   * attestation.proof: async} answers with a signed promise of inclusion instead; verify it against
   * the log ({@link AttestationVerifier#verify(Attestation, LogSource)}) or fetch the proven form
   * with {@link SovereignClient#attestation(String)}.
   *
   * @return false for a promise-only attestation
   */
  public boolean proven() {
    return AttestationCodec.proven(json);
  }

  /** Prints the identifying fields only (the JSON holds the tenant's key fingerprint). */
  @Override
  public String toString() {
    return "Attestation[rekorIndex="
        + rekorIndex
        + ", routeDecisionId="
        + routeDecisionId
        + ", providerId="
        + providerId
        + ", model="
        + model
        + "]";
  }

  /**
   * One provider attempt of the fallback walk.
   *
   * @param providerId the provider tried
   * @param model the provider's model id
   * @param outcome {@code ok}, {@code failed}, {@code failed_after_commit}, {@code rejected} or
   *     {@code cancelled}
   * @param status the provider's HTTP status, when it answered
   * @param ttfbMs time to first byte, ms
   * @param durationMs total time, ms
   * @param error the failure class, when it failed
   */
  public record Attempt(
      String providerId,
      String model,
      String outcome,
      OptionalInt status,
      long ttfbMs,
      long durationMs,
      Optional<String> error) {
    /** Validates. */
    public Attempt {
      Objects.requireNonNull(providerId, "providerId");
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(error, "error");
    }
  }
}
