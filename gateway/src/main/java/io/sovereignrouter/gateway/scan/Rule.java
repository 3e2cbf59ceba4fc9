package io.sovereignrouter.gateway.scan;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One credential format.
 *
 * @param id stable rule id, used in findings and in {@code [REDACTED:<id>#<n>]}
 * @param description what the rule finds and where its format is documented
 * @param keywords lowercase literals of which at least one occurs in or just before every match;
 *     the prefilter runs the pattern only near them. Empty: the pattern runs on the whole text
 *     (allowed for RE2/J patterns only)
 * @param pattern the regex
 * @param check structural check of the secret (checksum, decode)
 * @param minEntropy minimum Shannon entropy of the secret in bits per character, 0 for none
 * @param maxBefore how many characters before a keyword a match may start
 * @param maxLength longest match the pattern can produce, which bounds the window after a keyword
 * @param priority on overlapping findings the higher priority wins (specific formats over context
 *     rules over generic assignments)
 * @param allow exceptions of this rule only
 */
public record Rule(
    String id,
    String description,
    List<String> keywords,
    RulePattern pattern,
    Check check,
    double minEntropy,
    int maxBefore,
    int maxLength,
    int priority,
    RuleAllowList allow) {

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,79}");

  /** Validates and copies. */
  public Rule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(allow, "allow");
    if (!ID.matcher(id).matches()) {
      throw new ScanException(
          "rule id: expected lowercase [a-z0-9._-], at most 80 characters, seen '" + id + "'");
    }
    keywords = keywords.stream().map(k -> k.toLowerCase(Locale.ROOT)).distinct().toList();
    for (String k : keywords) {
      if (k.isEmpty() || !k.chars().allMatch(c -> c < 128)) {
        throw new ScanException("rule " + id + ": keywords must be non-empty ASCII");
      }
    }
    if (keywords.isEmpty() && pattern instanceof RulePattern.Jdk) {
      throw new ScanException("rule " + id + ": JDK patterns need at least one keyword");
    }
    if (minEntropy < 0 || maxBefore < 0 || maxLength <= 0) {
      throw new ScanException(
          "rule " + id + ": expected minEntropy >= 0, maxBefore >= 0, maxLength > 0");
    }
  }

  /**
   * A copy with another id (used to namespace imported rules).
   *
   * @param newId the id
   * @return the renamed rule
   */
  public Rule withId(String newId) {
    return new Rule(
        newId,
        description,
        keywords,
        pattern,
        check,
        minEntropy,
        maxBefore,
        maxLength,
        priority,
        allow);
  }
}
