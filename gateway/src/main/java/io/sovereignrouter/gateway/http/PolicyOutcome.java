package io.sovereignrouter.gateway.http;

import io.sovereignrouter.policy.ChainEntry;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The decision record of one request (issue 5 point 5): what decided, on what input, with what
 * result — kept for headers and the attestation.
 *
 * @param policyId the named policy
 * @param policyDigest digest of the deciding policy bundle ({@code sha256:…}), when known
 * @param inputDigest SHA-256 of the canonical policy input
 * @param engine {@code embedded} or {@code server}
 * @param tierRequired the tier every chain entry meets
 * @param chain qualifying candidates in policy order
 * @param scopes verified witness scopes per {@code provider/model} of the candidates
 */
public record PolicyOutcome(
    String policyId,
    Optional<String> policyDigest,
    String inputDigest,
    String engine,
    String tierRequired,
    List<ChainEntry> chain,
    java.util.Map<String, List<String>> scopes) {
  /** Validates and copies. */
  public PolicyOutcome {
    Objects.requireNonNull(policyId, "policyId");
    Objects.requireNonNull(policyDigest, "policyDigest");
    Objects.requireNonNull(inputDigest, "inputDigest");
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(tierRequired, "tierRequired");
    chain = List.copyOf(chain);
    scopes = java.util.Map.copyOf(scopes);
  }

  /** The statement's record of this decision for the serving {@code route}. */
  public io.sovereignrouter.gateway.attest.PolicyFacts facts(
      io.sovereignrouter.gateway.routing.Route route) {
    String model = route.model().upstream();
    return new io.sovereignrouter.gateway.attest.PolicyFacts(
        policyId,
        policyDigest,
        inputDigest,
        engine,
        tierRequired,
        tierOf(route.provider().id(), model).orElse(tierRequired),
        route.model().modelHash(),
        scopes.getOrDefault(route.provider().id() + "/" + model, List.of()));
  }

  /** The tier the chain gives the serving (provider, model). */
  public Optional<String> tierOf(String provider, String model) {
    return chain.stream()
        .filter(c -> c.provider().equals(provider) && c.model().equals(model))
        .map(ChainEntry::tier)
        .findFirst();
  }
}
