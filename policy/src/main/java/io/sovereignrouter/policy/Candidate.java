package io.sovereignrouter.policy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One (provider, model) pair that could serve the request, with what the policy needs to know about
 * it (DESIGN.md §6).
 *
 * @param provider provider id, e.g. {@code onprem-vllm}
 * @param model the provider's model id
 * @param modelHash the pinned model hash ({@code sha256:…})
 * @param declaredTier a tier the catalog caps this model at; the policy takes the lower of it and
 *     the tier its verified witness scopes earn
 * @param witnessScopes scopes of <em>verified</em> witness statements for {@code modelHash}
 * @param witnessRejections codes of this model's statements that did not verify ({@link
 *     WitnessCheck.Rejected#code()}); the policy names them when the model falls short of a tier
 * @param drift whether the provider reports a hash other than {@code modelHash}
 * @param priceInputPerMtok USD per million input tokens
 * @param priceOutputPerMtok USD per million output tokens
 * @param p50Ms rolling median latency
 * @param p95Ms rolling 95th percentile latency, checked against the latency cap
 * @param successRate rolling success rate in [0, 1]
 * @param healthy false while the circuit breaker is open
 * @param capabilities what the model can do
 * @param priority the operator's configured priority of the provider, lower first; the shipped Rego
 *     uses it only to rank candidates its own provider preference ranks equally
 */
public record Candidate(
    String provider,
    String model,
    String modelHash,
    Optional<String> declaredTier,
    List<String> witnessScopes,
    List<String> witnessRejections,
    DriftState drift,
    BigDecimal priceInputPerMtok,
    BigDecimal priceOutputPerMtok,
    long p50Ms,
    long p95Ms,
    double successRate,
    boolean healthy,
    Capabilities capabilities,
    int priority) {

  /** Validates, copies the scopes and normalises the prices (so 0.50 equals 0.5). */
  public Candidate {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(modelHash, "modelHash");
    Objects.requireNonNull(declaredTier, "declaredTier");
    witnessScopes = List.copyOf(witnessScopes);
    witnessRejections = List.copyOf(witnessRejections);
    Objects.requireNonNull(drift, "drift");
    priceInputPerMtok = Decisions.normalize(priceInputPerMtok, "priceInputPerMtok");
    priceOutputPerMtok = Decisions.normalize(priceOutputPerMtok, "priceOutputPerMtok");
    Objects.requireNonNull(capabilities, "capabilities");
    if (p50Ms < 0 || p95Ms < 0) {
      throw new IllegalArgumentException(
          "latency: expected >= 0, got p50 " + p50Ms + ", p95 " + p95Ms);
    }
    if (!(successRate >= 0 && successRate <= 1)) {
      throw new IllegalArgumentException("successRate: expected in [0, 1], got " + successRate);
    }
  }
}
