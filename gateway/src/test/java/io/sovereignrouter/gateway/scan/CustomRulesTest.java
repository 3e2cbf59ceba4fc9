package io.sovereignrouter.gateway.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** gitleaks TOML and per-tenant RE2/J rules. */
class CustomRulesTest {
  private static final String TOML =
      """
      title = "acme"
      [extend]
      useDefault = true

      [[rules]]
      id = "acme-internal-token"
      description = "ACME internal service token"
      regex = '''acme_(?:live|test)_([a-z0-9]{24})'''
      secretGroup = 1
      entropy = 3.0
      keywords = ["acme_live_", "acme_test_"]
        [rules.allowlist]
        stopwords = ["0000"]

      [[rules]]
      id = "acme-path-only"
      path = '''\\.pem$'''

      [allowlist]
      regexes = ['''^q7ignored''']
      """;

  @Test
  void gitleaks_parse_rulesKeywordsSecretGroupAllowlists() {
    GitleaksRules.Config config = GitleaksRules.parse(TOML);
    assertThat(config.rules()).extracting(Rule::id).containsExactly("gitleaks.acme-internal-token");
    List<Rule> rules = new ArrayList<>(BuiltinRules.all());
    rules.addAll(config.rules());
    Scanner scanner = Scanner.of(rules, config.allowList(), ScanFixtures.KEY);
    String text =
        "x acme_live_k3j9x2m7q1w8e4r6t5y0u2i8 y acme_test_k3j90000q1w8e4r6t5y0u2i8"
            + " z acme_live_q7ignoredq1w8e4r6t5y0u2i8";
    List<Finding> findings = scanner.scan(text);
    assertThat(findings).extracting(Finding::rule).containsExactly("gitleaks.acme-internal-token");
    assertThat(text.substring(findings.get(0).start(), findings.get(0).end()))
        .isEqualTo("k3j9x2m7q1w8e4r6t5y0u2i8");
  }

  @Test
  void gitleaks_malformed_scanException() {
    assertThatThrownBy(() -> GitleaksRules.parse("[[rules]\nid="))
        .isInstanceOf(ScanException.class);
    assertThatThrownBy(() -> GitleaksRules.parse("[[rules]]\nid = \"x\"\nregex = '''(?<=a)b'''"))
        .isInstanceOf(ScanException.class)
        .hasMessageContaining("RE2");
  }

  @Test
  void custom_hostilePattern_compilesOnRe2_andFindsMatches() {
    // Catastrophic on a backtracking engine; linear on RE2/J.
    Rule hostile = CustomRules.of("tenant.hostile", "(a+)+b", List.of(), 0, 0);
    Scanner scanner = Scanner.of(List.of(hostile), AllowList.NONE, ScanFixtures.KEY);
    String text = "a".repeat(100_000) + "c aaab";
    List<Finding> findings = scanner.scan(text);
    assertThat(findings).hasSize(1);
    assertThat(text.substring(findings.get(0).start(), findings.get(0).end())).isEqualTo("aaa");
  }

  @Test
  void custom_keywordsLimitWhereThePatternRuns() {
    Rule r = CustomRules.of("tenant.emp", "EMP-[0-9]{6}", List.of("emp-"), 0, 0);
    Scanner scanner = Scanner.of(List.of(r), AllowList.NONE, ScanFixtures.KEY);
    assertThat(scanner.scan("id EMP-123456 and emp-654321")).hasSize(1);
  }

  @Test
  void rule_invalidIdOrPattern_rejected() {
    assertThatThrownBy(() -> CustomRules.of("Bad Id", "x", List.of(), 0, 0))
        .isInstanceOf(ScanException.class);
    assertThatThrownBy(() -> CustomRules.of("ok", "(", List.of(), 0, 0))
        .isInstanceOf(ScanException.class);
    assertThatThrownBy(() -> CustomRules.of("ok", "(a)(b)", List.of(), 3, 0))
        .isInstanceOf(ScanException.class);
  }
}
