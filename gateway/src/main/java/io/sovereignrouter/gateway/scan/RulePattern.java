package io.sovereignrouter.gateway.scan;

import java.util.Objects;

/**
 * The regular expression of a rule, on one of two engines. Built-in rules are bounded JDK patterns
 * (fast, lookaround for token boundaries); user-supplied patterns run on RE2/J so a hostile pattern
 * cannot make matching super-linear.
 */
public sealed interface RulePattern {
  /** The pattern text, for diagnostics. */
  String source();

  /**
   * A JDK pattern. The secret is the named group {@code s} when the pattern has one, else the whole
   * match.
   *
   * @param pattern compiled pattern
   */
  record Jdk(java.util.regex.Pattern pattern) implements RulePattern {
    /** Validates. */
    public Jdk {
      Objects.requireNonNull(pattern, "pattern");
    }

    @Override
    public String source() {
      return pattern.pattern();
    }

    /** Whether the pattern declares the named group {@code s}. */
    public boolean hasSecretGroup() {
      return pattern.namedGroups().containsKey("s");
    }
  }

  /**
   * An RE2/J pattern (linear-time matching).
   *
   * @param pattern compiled pattern
   * @param secretGroup group holding the secret; 0 picks group 1 when the pattern has exactly one
   *     group, else the whole match
   */
  record Re2(com.google.re2j.Pattern pattern, int secretGroup) implements RulePattern {
    /** Validates. */
    public Re2 {
      Objects.requireNonNull(pattern, "pattern");
      if (secretGroup < 0 || secretGroup > pattern.groupCount()) {
        throw new ScanException(
            "secretGroup: expected 0.."
                + pattern.groupCount()
                + " for this pattern, seen "
                + secretGroup);
      }
    }

    @Override
    public String source() {
      return pattern.pattern();
    }

    /** The group that holds the secret. */
    public int effectiveGroup() {
      if (secretGroup > 0) {
        return secretGroup;
      }
      return pattern.groupCount() == 1 ? 1 : 0;
    }
  }
}
