package io.sovereignrouter.gateway.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The benign corpus ({@code benign/}: code, logs, JSON, UUIDs, git SHAs, hashes, base64, prose,
 * HTML, documentation examples) must produce zero findings.
 */
class BenignCorpusTest {

  static Stream<Path> files() throws IOException {
    return ScanFixtures.files("benign").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void scan_benignFile_noFindings(Path file) throws IOException {
    String text = Files.readString(file);
    List<Finding> findings = ScanFixtures.SCANNER.scan(text);
    assertThat(findings)
        .as(
            "false alarms in %s: %s",
            file.getFileName(),
            findings.stream()
                .map(f -> f.rule() + "=" + text.substring(f.start(), f.end()))
                .toList())
        .isEmpty();
  }
}
