package io.sovereignrouter.gateway.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Redaction touches exactly the finding spans and numbers secrets stably within a request. */
class RedactorTest {
  private static final String GH = "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";
  private static final String AWS = "AKIAZ3MHSIV2QW6YDNEB";

  @Test
  void redact_exactSpans_textOutsideUnchanged() {
    String text = "a " + GH + " b\n" + AWS + " c " + GH + " é\u00e9";
    List<Finding> findings = ScanFixtures.SCANNER.scan(text);
    assertThat(findings)
        .extracting(Finding::rule)
        .containsExactly("github-pat", "aws-access-key-id", "github-pat");
    assertThat(text.substring(findings.get(0).start(), findings.get(0).end())).isEqualTo(GH);
    assertThat(text.substring(findings.get(1).start(), findings.get(1).end())).isEqualTo(AWS);
    String redacted = new Redactor().redact(text, findings);
    assertThat(redacted)
        .isEqualTo(
            "a [REDACTED:github-pat#1] b\n[REDACTED:aws-access-key-id#1] c [REDACTED:github-pat#1] é\u00e9");
  }

  @Test
  void redact_distinctSecretsNumberedInOrder() {
    String other =
        "ghp_"
            + "Q7mT2vX9pL4wK8rZ3nB6yC1dF5hJ0s"
            + Check.crc32Base62Of("Q7mT2vX9pL4wK8rZ3nB6yC1dF5hJ0s");
    String text = other + " " + GH + " " + other;
    String redacted = new Redactor().redact(text, ScanFixtures.SCANNER.scan(text));
    assertThat(redacted)
        .isEqualTo("[REDACTED:github-pat#1] [REDACTED:github-pat#2] [REDACTED:github-pat#1]");
  }

  @Test
  void redact_insideJsonString_documentStaysValid() {
    String json = new JsonObject().put("k", "x=\"" + GH + "\"\n").put("n", 1).encode();
    String redacted = new Redactor().redact(json, ScanFixtures.SCANNER.scan(json));
    assertThat(new JsonObject(redacted).getString("k"))
        .isEqualTo("x=\"[REDACTED:github-pat#1]\"\n");
  }

  @Test
  void redact_overlappingFindings_rejected() {
    List<Finding> overlapping = List.of(new Finding("a", 0, 5, "f1"), new Finding("b", 3, 8, "f2"));
    assertThatThrownBy(() -> new Redactor().redact("0123456789", overlapping))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fingerprint_keyed_stableAndKeyDependent() {
    Fingerprinter other = Fingerprinter.of("another-fingerprint-key-0123456".getBytes());
    assertThat(ScanFixtures.KEY.fingerprint(GH))
        .isEqualTo(ScanFixtures.KEY.fingerprint(GH))
        .hasSize(16);
    assertThat(other.fingerprint(GH)).isNotEqualTo(ScanFixtures.KEY.fingerprint(GH));
    assertThatThrownBy(() -> Fingerprinter.of(new byte[8]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void allowList_byFingerprintPatternAndRule() {
    String text = "t " + GH + " " + AWS;
    String fp = ScanFixtures.KEY.fingerprint(GH);
    Scanner byFingerprint =
        Scanner.of(
            BuiltinRules.all(),
            AllowList.of(java.util.Set.of(fp), List.of(), java.util.Set.of()),
            ScanFixtures.KEY);
    assertThat(byFingerprint.scan(text))
        .extracting(Finding::rule)
        .containsExactly("aws-access-key-id");
    Scanner byPattern =
        Scanner.of(
            BuiltinRules.all(),
            AllowList.of(java.util.Set.of(), List.of("^AKIAZ3"), java.util.Set.of()),
            ScanFixtures.KEY);
    assertThat(byPattern.scan(text)).extracting(Finding::rule).containsExactly("github-pat");
    Scanner byRule =
        Scanner.of(
            BuiltinRules.all(),
            AllowList.of(java.util.Set.of(), List.of(), java.util.Set.of("github-pat")),
            ScanFixtures.KEY);
    assertThat(byRule.scan(text)).extracting(Finding::rule).containsExactly("aws-access-key-id");
  }
}
