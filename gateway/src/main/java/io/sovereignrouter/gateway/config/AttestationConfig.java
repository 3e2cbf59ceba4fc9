package io.sovereignrouter.gateway.config;

import java.util.Objects;

/**
 * The audit log and attestations; every setting is optional.
 *
 * @param origin the log's origin line and key name (default {@code sovereign-router.local/log});
 *     fixed for the life of a log
 * @param proof {@code sync} (default: the response waits for its inclusion proof) or {@code async}
 *     (the response carries a signed promise of inclusion once the entry is durable in the log's
 *     write-ahead journal; the proof is fetched later at {@code GET /v1/attestations/{id}}); async
 *     needs the file log, not {@code storage.backend: postgres}
 * @param maxBatchDelayMs group commit: longest wait after the first pending entry (default 0:
 *     entries that queue while a batch is being written form the next batch)
 * @param maxBatchSize group commit: most entries per checkpoint (default 4096)
 * @param maxPending appends queued beyond this are refused with 503 (default 65536)
 */
public record AttestationConfig(
    String origin, String proof, Long maxBatchDelayMs, Integer maxBatchSize, Integer maxPending) {
  /** All defaults. */
  public static final AttestationConfig DEFAULT =
      new AttestationConfig(null, null, null, null, null);

  /**
   * Whether responses carry a promise of inclusion instead of waiting for the proof.
   *
   * @return true for {@code proof: async}
   */
  public boolean asyncProof() {
    return proof.equals("async");
  }

  /** Fills defaults and checks values. */
  public AttestationConfig {
    origin = Objects.requireNonNullElse(origin, "sovereign-router.local/log");
    proof = Objects.requireNonNullElse(proof, "sync");
    maxBatchDelayMs = Objects.requireNonNullElse(maxBatchDelayMs, 0L);
    maxBatchSize = Objects.requireNonNullElse(maxBatchSize, 4096);
    maxPending = Objects.requireNonNullElse(maxPending, 65536);
    if (!origin.matches("[A-Za-z0-9][A-Za-z0-9._/:-]{0,127}")) {
      throw new ConfigException(
          "attestation.origin must be a host-like name without spaces or '+', was " + origin);
    }
    if (!proof.equals("sync") && !proof.equals("async")) {
      throw new ConfigException(
          "attestation.proof must be 'sync' (the response waits for its proof) or 'async' (the"
              + " response carries a signed promise), was '"
              + proof
              + "'");
    }
    if (maxBatchDelayMs < 0 || maxBatchSize < 1 || maxPending < maxBatchSize) {
      throw new ConfigException("attestation batch settings out of range");
    }
  }
}
