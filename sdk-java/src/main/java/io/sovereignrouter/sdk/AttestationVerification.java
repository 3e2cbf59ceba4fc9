package io.sovereignrouter.sdk;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of verifying an attestation: every check made, in order, up to the first that failed.
 * A value, not an exception: a forged or stale attestation is an expected outcome to switch on.
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

  /**
   * One check and its outcome.
   *
   * @param name what was checked, e.g. {@code envelope signature}
   * @param ok whether it held
   * @param detail what was confirmed, or expected vs seen
   */
  public record Check(String name, boolean ok, String detail) {
    /** Validates. */
    public Check {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
