package io.sovereignrouter.policy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a routing decision (DESIGN.md §6 output): either the ordered chain of qualifying
 * candidates or the machine-readable reasons why none qualifies. Callers switch on it:
 *
 * <pre>{@code
 * switch (engine.decide(input)) {
 *   case Decision.Allow a -> walk(a.chain());
 *   case Decision.Deny d -> reject403(d.reasons());
 * }
 * }</pre>
 */
public sealed interface Decision {

  /**
   * The named policy that decided.
   *
   * @return the policy id echoed from the input
   */
  String policyId();

  /**
   * The policy's cap on the worst-case cost of the request.
   *
   * @return the cap in USD, empty when the policy has none (or is unknown)
   */
  Optional<BigDecimal> maxCostUsd();

  /**
   * The policy's cap on a candidate's p95 latency.
   *
   * @return the cap in milliseconds, empty when the policy has none (or is unknown)
   */
  Optional<Long> maxLatencyMs();

  /**
   * Candidates the policy excluded and why; shown even when the request is allowed, so a tier
   * lowered by an expired witness or by drift stays visible.
   *
   * @return exclusions in candidate order
   */
  List<Exclusion> excluded();

  /**
   * The request may be served by {@code chain}, tried in order.
   *
   * @param policyId the deciding policy
   * @param chain qualifying candidates in policy preference order; never empty
   * @param tierRequired the tier every candidate in the chain meets
   * @param maxCostUsd the cost cap, if any
   * @param maxLatencyMs the latency cap, if any
   * @param excluded candidates excluded and why
   */
  record Allow(
      String policyId,
      List<ChainEntry> chain,
      String tierRequired,
      Optional<BigDecimal> maxCostUsd,
      Optional<Long> maxLatencyMs,
      List<Exclusion> excluded)
      implements Decision {

    /** Validates and copies. */
    public Allow {
      Objects.requireNonNull(policyId, "policyId");
      chain = List.copyOf(chain);
      Objects.requireNonNull(tierRequired, "tierRequired");
      maxCostUsd = maxCostUsd.map(v -> Decisions.normalize(v, "maxCostUsd"));
      Objects.requireNonNull(maxLatencyMs, "maxLatencyMs");
      excluded = List.copyOf(excluded);
      if (chain.isEmpty()) {
        throw new IllegalArgumentException("chain: expected at least one candidate, got none");
      }
    }
  }

  /**
   * The request must be rejected before any provider is called (403 {@code policy_violation}).
   *
   * @param policyId the deciding policy
   * @param reasons why, request-level reasons first, then per-candidate ones; never empty
   * @param tierRequired the tier the request needed, empty when it could not be derived
   * @param maxCostUsd the cost cap, if any
   * @param maxLatencyMs the latency cap, if any
   * @param excluded candidates excluded and why
   */
  record Deny(
      String policyId,
      List<Reason> reasons,
      Optional<String> tierRequired,
      Optional<BigDecimal> maxCostUsd,
      Optional<Long> maxLatencyMs,
      List<Exclusion> excluded)
      implements Decision {

    /** Validates and copies. */
    public Deny {
      Objects.requireNonNull(policyId, "policyId");
      reasons = List.copyOf(reasons);
      Objects.requireNonNull(tierRequired, "tierRequired");
      maxCostUsd = maxCostUsd.map(v -> Decisions.normalize(v, "maxCostUsd"));
      Objects.requireNonNull(maxLatencyMs, "maxLatencyMs");
      excluded = List.copyOf(excluded);
      if (reasons.isEmpty()) {
        throw new IllegalArgumentException("reasons: expected at least one reason, got none");
      }
    }
  }
}
