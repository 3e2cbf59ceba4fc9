package io.sovereignrouter.gateway.scan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces findings with {@code [REDACTED:<rule>#<n>]}. One instance numbers one request: per rule,
 * secrets are numbered 1, 2, … in the order they are first redacted, and the same secret (same
 * fingerprint) keeps its number wherever it appears in the request. Text outside the finding spans
 * is copied unchanged. Not thread-safe: create one per request.
 */
public final class Redactor {
  private final Map<String, Map<String, Integer>> numbers = new HashMap<>();

  /** A redactor with fresh numbering. */
  public Redactor() {}

  /**
   * The marker that replaces a secret.
   *
   * @param rule rule id
   * @param n the secret's number within the request
   * @return {@code [REDACTED:<rule>#<n>]}
   */
  public static String marker(String rule, int n) {
    return "[REDACTED:" + rule + "#" + n + "]";
  }

  /**
   * The number of {@code finding}'s secret within this request, assigning the next one on first
   * sight.
   *
   * @param finding a finding
   * @return its number, from 1
   */
  public int number(Finding finding) {
    Map<String, Integer> byFingerprint =
        numbers.computeIfAbsent(finding.rule(), r -> new HashMap<>());
    return byFingerprint.computeIfAbsent(finding.fingerprint(), f -> byFingerprint.size() + 1);
  }

  /**
   * Redacts {@code findings} in {@code text}.
   *
   * @param text the scanned text
   * @param findings non-overlapping findings in increasing order, within the text (as {@link
   *     Scanner#scan} returns them)
   * @return the text with each finding's span replaced by its marker
   * @throws IllegalArgumentException if findings overlap, are unordered or fall outside the text
   */
  public String redact(CharSequence text, List<Finding> findings) {
    StringBuilder out = new StringBuilder(text.length() + 32 * findings.size());
    int pos = 0;
    for (Finding f : findings) {
      if (f.start() < pos || f.end() > text.length()) {
        throw new IllegalArgumentException(
            "findings: expected ordered, non-overlapping spans within 0.."
                + text.length()
                + ", seen "
                + f.start()
                + ".."
                + f.end()
                + " after "
                + pos);
      }
      out.append(text, pos, f.start()).append(marker(f.rule(), number(f)));
      pos = f.end();
    }
    return out.append(text, pos, text.length()).toString();
  }
}
