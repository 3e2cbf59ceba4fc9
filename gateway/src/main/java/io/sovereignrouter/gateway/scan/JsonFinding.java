package io.sovereignrouter.gateway.scan;

import java.util.Objects;

/**
 * A finding inside a JSON request: which string holds it and where in that string.
 *
 * @param pointer RFC 6901 JSON Pointer of the string, e.g. {@code /messages/2/content}
 * @param finding the finding; its offsets index the decoded string value
 */
public record JsonFinding(String pointer, Finding finding) {
  /** Validates. */
  public JsonFinding {
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(finding, "finding");
  }

  /** {@code rule at pointer[start..end]}: a description safe to show clients and logs. */
  public String describe() {
    return finding.rule() + " at " + pointer + "[" + finding.start() + ".." + finding.end() + "]";
  }
}
