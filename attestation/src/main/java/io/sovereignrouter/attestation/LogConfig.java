package io.sovereignrouter.attestation;

import java.time.Duration;

/**
 * Group-commit settings of a {@link MerkleLog}.
 *
 * @param maxBatchDelay longest the sequencer waits, after the first pending entry, for more entries
 *     before integrating a batch ({@code max-batch-delay}); zero integrates at once
 * @param maxBatchSize most entries per batch, hence per checkpoint ({@code max-batch-size})
 * @param maxPending most entries waiting to be sequenced before appends are pushed back ({@code
 *     max-pending})
 */
public record LogConfig(Duration maxBatchDelay, int maxBatchSize, int maxPending) {
  /** Defaults: 10 ms, 4096 entries per batch, 65536 pending. */
  public static final LogConfig DEFAULT = new LogConfig(Duration.ofMillis(10), 4096, 65536);

  /**
   * Validates ranges.
   *
   * @throws IllegalArgumentException if a value is out of range
   */
  public LogConfig {
    if (maxBatchDelay.isNegative() || maxBatchDelay.compareTo(Duration.ofSeconds(10)) > 0) {
      throw new IllegalArgumentException("max-batch-delay must be in [0, 10s]");
    }
    if (maxBatchSize < 1 || maxBatchSize > 1 << 20) {
      throw new IllegalArgumentException("max-batch-size must be in [1, 1048576]");
    }
    if (maxPending < 1) {
      throw new IllegalArgumentException("max-pending must be positive");
    }
  }
}
