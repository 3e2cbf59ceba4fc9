package io.sovereignrouter.policy;

import java.util.Objects;

/**
 * One qualifying candidate in the decision's chain.
 *
 * @param provider provider id
 * @param model the provider's model id
 * @param tier the tier the policy derived for it (from verified witness scopes, lowered by drift
 *     under the {@code downgrade} posture)
 * @param drifted whether the provider reports a hash other than the pinned one (only possible under
 *     the {@code allow} and {@code downgrade} postures)
 * @param rank the policy's preference, 0 best; entries of equal rank are preferred equally and the
 *     fallback walk orders them by health
 */
public record ChainEntry(String provider, String model, String tier, boolean drifted, int rank) {

  /** Validates. */
  public ChainEntry {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(tier, "tier");
    if (rank < 0) {
      throw new IllegalArgumentException("rank: expected >= 0, got " + rank);
    }
  }
}
