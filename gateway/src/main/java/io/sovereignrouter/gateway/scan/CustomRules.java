package io.sovereignrouter.gateway.scan;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.List;

/**
 * Rules supplied by users (per-tenant configuration, gitleaks files). Their patterns compile with
 * RE2/J, so matching stays linear in the input whatever the pattern.
 */
public final class CustomRules {
  /** Priority of user rules: above generic assignments, below built-in token formats. */
  static final int PRIORITY = 7;

  /** Upper bound of the window after a keyword in which a user pattern may match. */
  static final int MAX_LENGTH = 4096;

  private CustomRules() {}

  /**
   * A user rule.
   *
   * @param id rule id ({@code [a-z0-9._-]}, at most 80 characters)
   * @param regex RE2 syntax
   * @param keywords literals that occur in every match; empty runs the pattern on all text
   * @param secretGroup group holding the secret (0: group 1 if it is the only group, else all)
   * @param minEntropy minimum Shannon entropy of the secret, 0 for none
   * @return the rule
   * @throws ScanException if the id or pattern is invalid
   */
  public static Rule of(
      String id, String regex, List<String> keywords, int secretGroup, double minEntropy) {
    Pattern pattern;
    try {
      pattern = Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new ScanException(
          "rule " + id + ": pattern does not compile: " + e.getDescription(), e);
    }
    return new Rule(
        id,
        "custom rule",
        keywords,
        new RulePattern.Re2(pattern, secretGroup),
        Check.NONE,
        minEntropy,
        MAX_LENGTH,
        MAX_LENGTH,
        PRIORITY,
        RuleAllowList.NONE);
  }
}
