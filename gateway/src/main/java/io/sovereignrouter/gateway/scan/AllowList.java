package io.sovereignrouter.gateway.scan;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.List;
import java.util.Set;

/**
 * Per-tenant exceptions: secrets known to be harmless (by keyed fingerprint, so the list itself
 * holds no secret), patterns of harmless values (RE2/J, searched in the secret), and disabled rule
 * ids.
 *
 * @param fingerprints fingerprints ({@link Fingerprinter}) never reported
 * @param patterns RE2/J patterns; a secret in which one is found is not reported
 * @param disabledRules rule ids not reported
 */
public record AllowList(
    Set<String> fingerprints, List<Pattern> patterns, Set<String> disabledRules) {
  /** An allow-list that allows nothing. */
  public static final AllowList NONE = new AllowList(Set.of(), List.of(), Set.of());

  /** Copies. */
  public AllowList {
    fingerprints = Set.copyOf(fingerprints);
    patterns = List.copyOf(patterns);
    disabledRules = Set.copyOf(disabledRules);
  }

  /**
   * An allow-list from pattern sources.
   *
   * @param fingerprints allowed fingerprints
   * @param patterns RE2 syntax patterns
   * @param disabledRules disabled rule ids
   * @return the allow-list
   * @throws ScanException if a pattern does not compile
   */
  public static AllowList of(
      Set<String> fingerprints, List<String> patterns, Set<String> disabledRules) {
    try {
      return new AllowList(
          fingerprints, patterns.stream().map(Pattern::compile).toList(), disabledRules);
    } catch (PatternSyntaxException e) {
      throw new ScanException("allow-list pattern does not compile: " + e.getDescription(), e);
    }
  }

  /**
   * Whether a candidate is allowed (and so not reported).
   *
   * @param rule the rule id
   * @param secret the secret text
   * @param fingerprint its fingerprint
   * @return true when allowed
   */
  public boolean allows(String rule, CharSequence secret, String fingerprint) {
    if (disabledRules.contains(rule) || fingerprints.contains(fingerprint)) {
      return true;
    }
    for (Pattern p : patterns) {
      if (p.matcher(secret).find()) {
        return true;
      }
    }
    return false;
  }
}
