package io.sovereignrouter.gateway.scan;

import com.google.re2j.Pattern;
import java.util.List;
import java.util.Locale;

/**
 * Exceptions that belong to one rule (a gitleaks rule's {@code [rules.allowlist]}): RE2/J patterns
 * searched in the secret, and stopwords (case-insensitive substrings of the secret).
 *
 * @param patterns patterns; a secret in which one is found is not reported
 * @param stopwords lowercase substrings; a secret containing one is not reported
 */
public record RuleAllowList(List<Pattern> patterns, List<String> stopwords) {
  /** Allows nothing. */
  public static final RuleAllowList NONE = new RuleAllowList(List.of(), List.of());

  /** Copies and lowercases the stopwords. */
  public RuleAllowList {
    patterns = List.copyOf(patterns);
    stopwords = stopwords.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
  }

  /**
   * Whether {@code secret} is allowed.
   *
   * @param secret the secret text
   * @return true when a pattern or stopword matches
   */
  public boolean allows(CharSequence secret) {
    if (patterns.isEmpty() && stopwords.isEmpty()) {
      return false;
    }
    String lower = secret.toString().toLowerCase(Locale.ROOT);
    for (String w : stopwords) {
      if (lower.contains(w)) {
        return true;
      }
    }
    for (Pattern p : patterns) {
      if (p.matcher(secret).find()) {
        return true;
      }
    }
    return false;
  }
}
