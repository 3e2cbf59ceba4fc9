package io.sovereignrouter.keystore;

import java.util.List;

/**
 * The outcome of a KEK rotation over a keystore.
 *
 * @param kekId the KEK every entry is now wrapped under
 * @param rewrapped entries whose data key was re-wrapped in this run
 * @param alreadyCurrent entries already wrapped under {@code kekId} (e.g. a resumed rotation)
 */
public record RotationReport(String kekId, List<String> rewrapped, List<String> alreadyCurrent) {
  /** Copies the lists. */
  public RotationReport {
    rewrapped = List.copyOf(rewrapped);
    alreadyCurrent = List.copyOf(alreadyCurrent);
  }
}
