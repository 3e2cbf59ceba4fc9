package io.sovereignrouter.gateway.attest;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What stage 3 decided for an attested request, as the statement records it.
 *
 * @param policyId the named policy
 * @param policyDigest digest of the deciding bundle, when the engine knows it
 * @param inputDigest SHA-256 of the canonical policy input
 * @param engine {@code embedded} or {@code server}
 * @param tierRequired the tier the policy required
 * @param tierObserved the tier of the candidate that served
 * @param modelHash the serving model's pinned hash
 * @param witnessScopes verified witness scopes of the serving model
 */
public record PolicyFacts(
    String policyId,
    Optional<String> policyDigest,
    String inputDigest,
    String engine,
    String tierRequired,
    String tierObserved,
    String modelHash,
    List<String> witnessScopes) {
  /** Validates and copies. */
  public PolicyFacts {
    Objects.requireNonNull(policyId, "policyId");
    Objects.requireNonNull(policyDigest, "policyDigest");
    Objects.requireNonNull(inputDigest, "inputDigest");
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(tierRequired, "tierRequired");
    Objects.requireNonNull(tierObserved, "tierObserved");
    Objects.requireNonNull(modelHash, "modelHash");
    witnessScopes = List.copyOf(witnessScopes);
  }
}
