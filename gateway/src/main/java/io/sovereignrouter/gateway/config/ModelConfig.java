package io.sovereignrouter.gateway.config;

import java.util.Objects;
import java.util.Optional;

/**
 * A model a provider serves.
 *
 * @param id the name clients send in {@code model}
 * @param upstream the name sent to the provider (defaults to {@code id})
 * @param kind what endpoint the model serves
 * @param ownedBy shown in {@code /v1/models}
 * @param pricing list price per million tokens (spend caps and attestation cost)
 * @param contextLength the model's context window in tokens
 * @param maxOutputTokens completion tokens assumed when a request sets no {@code max_tokens}
 * @param modelHash the pinned model hash ({@code sha256:<64 hex>}) witness statements are about; an
 *     unpinned model gets a hash derived from its upstream name, which no witness vouches for
 * @param declaredTier a tier the operator caps this model at, if any
 * @param capabilities what the model can do (policy hard filters)
 */
public record ModelConfig(
    String id,
    String upstream,
    ModelKind kind,
    String ownedBy,
    Pricing pricing,
    Integer contextLength,
    Integer maxOutputTokens,
    String modelHash,
    String declaredTier,
    ModelCapabilities capabilities) {

  /** Default context window. */
  public static final int DEFAULT_CONTEXT_LENGTH = 128_000;

  /** Default completion budget for cost estimates. */
  public static final int DEFAULT_MAX_OUTPUT_TOKENS = 4_096;

  /** Fills defaults and validates. */
  public ModelConfig {
    if (id == null || id.isBlank()) {
      throw new ConfigException("every model needs a non-empty id");
    }
    upstream = Optional.ofNullable(upstream).filter(s -> !s.isBlank()).orElse(id);
    kind = Objects.requireNonNullElse(kind, ModelKind.CHAT);
    ownedBy = Optional.ofNullable(ownedBy).filter(s -> !s.isBlank()).orElse("sovereign-router");
    pricing = Objects.requireNonNullElse(pricing, Pricing.FREE);
    contextLength = Objects.requireNonNullElse(contextLength, DEFAULT_CONTEXT_LENGTH);
    maxOutputTokens = Objects.requireNonNullElse(maxOutputTokens, DEFAULT_MAX_OUTPUT_TOKENS);
    modelHash = modelHash == null ? unpinned(upstream) : modelHash;
    if (!modelHash.matches("sha256:[0-9a-f]{64}")) {
      throw new ConfigException("model " + id + ": model-hash must be sha256:<64 lowercase hex>");
    }
    capabilities = Objects.requireNonNullElse(capabilities, ModelCapabilities.DEFAULT);
    if (contextLength < 1 || maxOutputTokens < 1) {
      throw new ConfigException(
          "model " + id + ": context-length and max-output-tokens must be positive");
    }
  }

  /** A model with default pricing and limits (discovered models, tests). */
  public ModelConfig(String id, String upstream, ModelKind kind, String ownedBy) {
    this(id, upstream, kind, ownedBy, null, null, null, null, null, null);
  }

  /** The tier cap, when the operator set one. */
  public Optional<String> tierCap() {
    return Optional.ofNullable(declaredTier).filter(s -> !s.isBlank());
  }

  private static String unpinned(String upstream) {
    byte[] digest =
        io.sovereignrouter.attestation.Hash.sha256(
                ("unpinned:" + upstream).getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .bytes();
    return "sha256:" + java.util.HexFormat.of().formatHex(digest);
  }
}
