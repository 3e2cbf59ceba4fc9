package io.sovereignrouter.gateway.metrics;

import java.util.Objects;

/**
 * When one pipeline stage of a request ran (monotonic nanoseconds).
 *
 * @param stage e.g. {@code auth}, {@code leak_scan}, {@code policy}, {@code admission}, {@code
 *     attest}
 * @param startNanos {@link System#nanoTime()} at the start
 * @param endNanos {@link System#nanoTime()} at the end
 */
public record StageTiming(String stage, long startNanos, long endNanos) {
  /** Validates. */
  public StageTiming {
    Objects.requireNonNull(stage, "stage");
  }
}
