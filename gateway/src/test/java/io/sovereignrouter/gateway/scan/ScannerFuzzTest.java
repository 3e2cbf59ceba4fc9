package io.sovereignrouter.gateway.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing with jqwik: random and mutated inputs never crash the scanner, and its output keeps its
 * invariants (ordered, non-overlapping, in bounds, position-independent). The adversarial cases at
 * the end are hang guards with a generous limit, not performance measurements (JMH does those).
 */
class ScannerFuzzTest {
  private static final List<String> SEEDS = seeds();

  private static List<String> seeds() {
    List<String> out = new ArrayList<>();
    try {
      for (Path file : ScanFixtures.files("vectors")) {
        ScanFixtures.json(file)
            .getJsonArray("cases")
            .forEach(c -> out.add(((JsonObject) c).getString("text")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(out);
  }

  @Provide
  Arbitrary<String> inputs() {
    Arbitrary<String> random = Arbitraries.strings().all().ofMaxLength(400);
    Arbitrary<String> tokenish =
        Arbitraries.strings()
            .withChars("sk-_proj.AKIAghpxoxb=:/@\"'\\\n eyJ0123456789abcdefXYZ+~${}<>")
            .ofMaxLength(600);
    Arbitrary<String> mutated =
        Combinators.combine(
                Arbitraries.of(SEEDS),
                Arbitraries.integers().between(0, 10_000),
                Arbitraries.integers().between(0, 3),
                Arbitraries.strings().all().ofMaxLength(3))
            .as(ScannerFuzzTest::mutate);
    Arbitrary<String> spliced =
        Combinators.combine(Arbitraries.of(SEEDS), Arbitraries.of(SEEDS), random)
            .as((a, b, c) -> a + c + b);
    return Arbitraries.oneOf(random, tokenish, mutated, spliced);
  }

  private static String mutate(String seed, int position, int kind, String insert) {
    if (seed.isEmpty()) {
      return insert;
    }
    int p = position % seed.length();
    return switch (kind) {
      case 0 -> seed.substring(0, p) + insert + seed.substring(p);
      case 1 -> seed.substring(0, p) + seed.substring(Math.min(seed.length(), p + 1));
      case 2 ->
          seed.substring(0, p)
              + insert
              + seed.substring(Math.min(seed.length(), p + insert.length()));
      default -> seed.substring(p) + seed.substring(0, p);
    };
  }

  @Property(tries = 3000)
  void scan_anyInput_wellFormedFindings_redactionPreservesOutside(@ForAll("inputs") String text) {
    List<Finding> findings = ScanFixtures.SCANNER.scan(text);
    int pos = 0;
    StringBuilder expected = new StringBuilder();
    Redactor numbering = new Redactor();
    for (Finding f : findings) {
      assertThat(f.start()).isGreaterThanOrEqualTo(pos);
      assertThat(f.end()).isLessThanOrEqualTo(text.length());
      expected.append(text, pos, f.start()).append(Redactor.marker(f.rule(), numbering.number(f)));
      pos = f.end();
    }
    expected.append(text, pos, text.length());
    assertThat(new Redactor().redact(text, findings)).isEqualTo(expected.toString());
    assertThat(ScanFixtures.SCANNER.scan(text)).isEqualTo(findings);
  }

  @Property(tries = 500)
  void scan_positiveVector_positionIndependent(
      @ForAll("positives") String text,
      @ForAll("filler") String before,
      @ForAll("filler") String after) {
    List<Finding> alone = ScanFixtures.SCANNER.scan(text);
    List<Finding> embedded = ScanFixtures.SCANNER.scan(before + "\n" + text + "\n" + after);
    int shift = before.length() + 1;
    assertThat(embedded)
        .extracting(f -> f.rule() + "@" + (f.start() - shift) + ".." + (f.end() - shift))
        .isEqualTo(alone.stream().map(f -> f.rule() + "@" + f.start() + ".." + f.end()).toList());
  }

  @Provide
  Arbitrary<String> positives() {
    return Arbitraries.of(SEEDS.stream().filter(s -> s.startsWith("before\n")).toList());
  }

  @Provide
  Arbitrary<String> filler() {
    return Arbitraries.of("the", "model", "said", "hello", "config", "value", "x", "\n", "  ", "42")
        .list()
        .ofMaxSize(400)
        .map(words -> String.join(" ", words));
  }

  @Test
  void scan_largeEncryptedPrivateKey_foundWholeWithoutStackOverflow() {
    java.util.Random random = new java.util.Random(42);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    StringBuilder key =
        new StringBuilder("-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n")
            .append("DEK-Info: AES-128-CBC,3F1A2B3C4D5E6F708192A3B4C5D6E7F8\n\n");
    for (int line = 0; line < 150; line++) {
      for (int i = 0; i < 64; i++) {
        key.append(alphabet.charAt(random.nextInt(64)));
      }
      key.append('\n');
    }
    key.append("-----END RSA PRIVATE KEY-----");
    String text = "key:\n" + key + "\nthanks";
    List<Finding> findings = ScanFixtures.SCANNER.scan(text);
    assertThat(findings).extracting(Finding::rule).containsExactly("private-key-pem");
    assertThat(text.substring(findings.get(0).start(), findings.get(0).end()))
        .isEqualTo(key.toString());
  }

  @Test
  void scan_adversarialInputs_finishWellWithinLimit() {
    List<String> adversarial =
        List.of(
            "sk-".repeat(300_000),
            "AKIA".repeat(200_000),
            "-----BEGIN PRIVATE KEY-----\n" + "QUJD".repeat(250_000),
            "-----BEGIN RSA PRIVATE KEY-----".repeat(30_000),
            "password=".repeat(100_000) + "x",
            "eyJ".repeat(300_000),
            "eyJhbGciOiJIUzI1NiJ9." + "eyJ".repeat(300_000),
            "postgres://" + "a:".repeat(300_000),
            "https://hooks.slack.com/services/".repeat(30_000),
            "token token token = ".repeat(50_000),
            "a".repeat(1_000_000),
            "AAAAAAAAAAAAAAAAAAAAA".repeat(40_000));
    for (String text : adversarial) {
      assertTimeoutPreemptively(
          Duration.ofSeconds(30),
          () -> ScanFixtures.SCANNER.scan(text),
          () -> "hang on input starting " + text.substring(0, 30));
    }
  }
}
