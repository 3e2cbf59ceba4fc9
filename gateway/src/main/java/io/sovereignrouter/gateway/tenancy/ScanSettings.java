package io.sovereignrouter.gateway.tenancy;

import java.util.List;
import java.util.Objects;

/**
 * A tenant's own leak-scan rules and exceptions, on top of the built-in rules.
 *
 * @param rules custom rules (RE2 syntax, so a hostile pattern cannot hang the scanner)
 * @param allowFingerprints keyed fingerprints of secrets known to be harmless
 * @param allowPatterns RE2 patterns of harmless values
 * @param disabledRules rule ids this tenant does not want reported
 */
public record ScanSettings(
    List<CustomRule> rules,
    List<String> allowFingerprints,
    List<String> allowPatterns,
    List<String> disabledRules) {
  /** Built-in rules only, no exceptions. */
  public static final ScanSettings NONE =
      new ScanSettings(List.of(), List.of(), List.of(), List.of());

  /** Most custom rules one tenant may add. */
  public static final int MAX_RULES = 50;

  /** Copies. */
  public ScanSettings {
    rules = List.copyOf(rules);
    allowFingerprints = List.copyOf(allowFingerprints);
    allowPatterns = List.copyOf(allowPatterns);
    disabledRules = List.copyOf(disabledRules);
  }

  /**
   * One custom rule.
   *
   * @param id rule id, reported in findings and redactions
   * @param regex RE2 pattern
   * @param keywords literals every match contains (the prefilter); empty scans all text
   * @param secretGroup the group holding the secret (0: the whole match or the only group)
   * @param minEntropy minimum Shannon entropy of the secret, 0 for none
   */
  public record CustomRule(
      String id, String regex, List<String> keywords, int secretGroup, double minEntropy) {
    /** Validates and copies. */
    public CustomRule {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(regex, "regex");
      keywords = List.copyOf(keywords);
    }
  }
}
