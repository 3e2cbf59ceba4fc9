package io.sovereignrouter.policy;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * One (provider, model) mapping of the model catalog.
 *
 * @param model the model id clients ask for (e.g. {@code gpt-4o}, {@code auto})
 * @param provider the provider id
 * @param providerModel the model id the provider's API expects
 * @param modelHash the pinned model hash ({@code sha256:…}); witness statements are about it
 * @param declaredTier a tier the operator caps this model at, if any
 * @param priceInputPerMtok USD per million input tokens
 * @param priceOutputPerMtok USD per million output tokens
 * @param capabilities what the model can do (context length included)
 */
public record CatalogEntry(
    String model,
    String provider,
    String providerModel,
    String modelHash,
    Optional<String> declaredTier,
    BigDecimal priceInputPerMtok,
    BigDecimal priceOutputPerMtok,
    Capabilities capabilities) {

  /** Validates and normalises prices. */
  public CatalogEntry {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(providerModel, "providerModel");
    Objects.requireNonNull(modelHash, "modelHash");
    Objects.requireNonNull(declaredTier, "declaredTier");
    priceInputPerMtok = Decisions.normalize(priceInputPerMtok, "priceInputPerMtok");
    priceOutputPerMtok = Decisions.normalize(priceOutputPerMtok, "priceOutputPerMtok");
    Objects.requireNonNull(capabilities, "capabilities");
    if (!modelHash.matches("sha256:[0-9a-f]{64}")) {
      throw new IllegalArgumentException(
          "modelHash of "
              + provider
              + "/"
              + providerModel
              + ": expected sha256:<64 hex>, got "
              + modelHash);
    }
  }

  /**
   * The policy candidate for this entry, given what the gateway observed.
   *
   * @param witnessed the outcome of checking this model's witness statements ({@link
   *     WitnessVerifier#scopes})
   * @param reportedModelHash the hash the provider reports now; differs from the pinned one on
   *     drift
   * @param health rolling latency and success figures for this provider and model
   * @param priority the operator's configured priority of the provider, lower first
   * @return the candidate
   */
  public Candidate candidate(
      WitnessVerifier.WitnessedScopes witnessed,
      String reportedModelHash,
      ProviderHealth health,
      int priority) {
    return new Candidate(
        provider,
        providerModel,
        modelHash,
        declaredTier,
        witnessed.scopes(),
        witnessed.rejections(),
        reportedModelHash.equals(modelHash) ? DriftState.NONE : DriftState.DRIFTED,
        priceInputPerMtok,
        priceOutputPerMtok,
        health.p50Ms(),
        health.p95Ms(),
        health.successRate(),
        health.healthy(),
        capabilities,
        priority);
  }
}
