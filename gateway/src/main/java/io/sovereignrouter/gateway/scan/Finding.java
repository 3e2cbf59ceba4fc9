package io.sovereignrouter.gateway.scan;

import java.util.Objects;

/**
 * One credential found in a text. Holds no secret: only where it is and a keyed fingerprint.
 *
 * @param rule id of the rule that matched, e.g. {@code github-pat}
 * @param start offset (UTF-16 index, inclusive) of the secret in the scanned text
 * @param end offset (UTF-16 index, exclusive) of the secret
 * @param fingerprint keyed fingerprint of the secret ({@link Fingerprinter})
 */
public record Finding(String rule, int start, int end, String fingerprint) {
  /** Validates the span. */
  public Finding {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(fingerprint, "fingerprint");
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException(
          "span: expected 0 <= start < end, seen " + start + ".." + end);
    }
  }

  /** Length of the secret in UTF-16 units. */
  public int length() {
    return end - start;
  }

  /** Whether this finding's span overlaps {@code other}'s. */
  public boolean overlaps(Finding other) {
    return start < other.end && other.start < end;
  }
}
