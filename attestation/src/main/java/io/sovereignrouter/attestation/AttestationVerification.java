package io.sovereignrouter.attestation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of {@link AttestationVerifier}: every check made, in order, up to and including the
 * first that failed. A value, not an exception: a forged or stale attestation is an expected
 * outcome the caller switches on.
 *
 * @param checks the checks made (never empty)
 */
public record AttestationVerification(List<Check> checks) {
  /** Copies and validates. */
  public AttestationVerification {
    checks = List.copyOf(checks);
    if (checks.isEmpty()) {
      throw new IllegalArgumentException("a verification makes at least one check");
    }
  }

  /**
   * Whether every check held.
   *
   * @return true only if the attestation verified
   */
  public boolean ok() {
    return checks.stream().allMatch(Check::ok);
  }

  /**
   * The check that failed.
   *
   * @return the first failed check, empty when verified
   */
  public Optional<Check> failure() {
    return checks.stream().filter(c -> !c.ok()).findFirst();
  }

  /** What a check covers, in the order {@link AttestationVerifier} runs them. */
  public enum Kind {
    /** The attestation parses: an object with an envelope and an inclusion receipt or promise. */
    FORMAT,
    /** The DSSE envelope is signed by the pinned log key. */
    ENVELOPE_SIGNATURE,
    /** The envelope holds our in-toto statement and every outer field equals its signed value. */
    SIGNED_FIELDS,
    /** The statement's request and response subjects are the caller's digests. */
    EXCHANGE_DIGESTS,
    /**
     * An attestation issued before its proof ({@code attestation.proof: async}): its inclusion
     * promise is signed by the log key and promises this envelope at {@code rekor_index}.
     */
    PROMISE,
    /**
     * The receipt's checkpoint is signed, names the log, and includes the envelope; for a promise,
     * the log's current tree holds the envelope at the promised index.
     */
    INCLUSION,
    /** The log's current checkpoint is signed by the pinned key. */
    CURRENT_CHECKPOINT,
    /** The receipt's tree is a prefix of the current log (no rollback, no fork). */
    CONSISTENCY
  }

  /**
   * One check and its outcome.
   *
   * @param kind what was checked
   * @param name a human-readable name, e.g. {@code consistency 12 -> 40}
   * @param ok whether it held
   * @param detail what was confirmed, or expected vs seen
   */
  public record Check(Kind kind, String name, boolean ok, String detail) {
    /** Validates. */
    public Check {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
