package io.sovereignrouter.sdk;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a request would hold against the tenant's spend cap ({@code POST /v1/estimate}): the same
 * worst-case estimate admission reserves, per candidate, and whether the cap has room for it now.
 * Asking spends nothing.
 *
 * @param model the model asked for
 * @param inputTokens the prompt's estimated tokens
 * @param maxOutputTokens the most output tokens the request may produce
 * @param maxCostUsd the worst case over the candidates: what admission would hold
 * @param candidates each provider that may serve it, with its worst-case cost
 * @param quota the cap as it stands, when the tenant has one
 * @param withinCap whether the cap has room for {@code maxCostUsd} now (true without a cap)
 */
public record Estimate(
    String model,
    long inputTokens,
    long maxOutputTokens,
    BigDecimal maxCostUsd,
    List<Candidate> candidates,
    Optional<CapStatus> quota,
    boolean withinCap) {
  /** Validates and copies. */
  public Estimate {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(maxCostUsd, "maxCostUsd");
    candidates = List.copyOf(candidates);
    Objects.requireNonNull(quota, "quota");
  }

  /**
   * One provider that may serve the request.
   *
   * @param providerId the provider
   * @param model its model id
   * @param maxCostUsd the worst-case cost there
   */
  public record Candidate(String providerId, String model, BigDecimal maxCostUsd) {
    /** Validates. */
    public Candidate {
      Objects.requireNonNull(providerId, "providerId");
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(maxCostUsd, "maxCostUsd");
    }
  }

  /**
   * The tenant's spend cap as it stands.
   *
   * @param limitUsd the cap for the current period
   * @param remainingUsd what is left (settled spend and open holds deducted)
   * @param resetsAt when the period ends
   */
  public record CapStatus(BigDecimal limitUsd, BigDecimal remainingUsd, Instant resetsAt) {
    /** Validates. */
    public CapStatus {
      Objects.requireNonNull(limitUsd, "limitUsd");
      Objects.requireNonNull(remainingUsd, "remainingUsd");
      Objects.requireNonNull(resetsAt, "resetsAt");
    }
  }
}
