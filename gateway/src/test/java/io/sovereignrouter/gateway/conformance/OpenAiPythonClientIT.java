package io.sovereignrouter.gateway.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.sovereignrouter.gateway.TestGateway;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the pytest suite of the official {@code openai} Python package against a real gateway.
 * {@code ./sovereign test} prepares the pinned venv and sets {@code SOVEREIGN_PYTHON}; without the
 * package the test fails (set {@code SOVEREIGN_SKIP_PYTHON=1} to skip it explicitly). pytest writes
 * its own JUnit report, which the launcher's summary counts test by test.
 */
class OpenAiPythonClientIT {
  private static final Path SUITE = Path.of("src/test/python");
  private static final Path REPORT = Path.of("target/python-reports/openai-python.xml");

  @TempDir Path dir;

  @Test
  void officialPythonClient_conformanceSuitePasses() throws Exception {
    if ("1".equals(System.getenv("SOVEREIGN_SKIP_PYTHON"))) {
      Assumptions.abort("SOVEREIGN_SKIP_PYTHON=1: openai-python conformance explicitly skipped");
    }
    String python = System.getenv().getOrDefault("SOVEREIGN_PYTHON", "python3");
    Process probe =
        new ProcessBuilder(python, "-c", "import openai, pytest").redirectErrorStream(true).start();
    if (!probe.waitFor(60, TimeUnit.SECONDS) || probe.exitValue() != 0) {
      fail(
          python
              + " cannot import openai and pytest; run ./sovereign test (it prepares target/pyvenv) or"
              + " pip install -r gateway/src/test/python/requirements.txt");
    }
    Files.createDirectories(REPORT.getParent());
    try (TestGateway gateway = TestGateway.start(dir)) {
      ProcessBuilder pb =
          new ProcessBuilder(
              python,
              "-m",
              "pytest",
              "-q",
              "-p",
              "no:cacheprovider",
              "--junitxml=" + REPORT,
              SUITE.toString());
      pb.environment().put("SOVEREIGN_BASE_URL", gateway.baseUrl());
      pb.environment().put("SOVEREIGN_KEY", gateway.demoKey());
      pb.redirectErrorStream(true);
      Path log = dir.resolve("pytest.log");
      pb.redirectOutput(log.toFile());
      Process pytest = pb.start();
      boolean finished = pytest.waitFor(5, TimeUnit.MINUTES);
      if (!finished) {
        pytest.destroyForcibly();
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      System.out.println(output);
      assertThat(finished).as("pytest finished within 5 minutes").isTrue();
      assertThat(pytest.exitValue()).as("pytest exit status; output:%n%s", output).isZero();
      assertThat(lastLine(output))
          .matches(".*\\d+ passed.*")
          .doesNotContain("failed", "error", "skipped");
    }
  }

  private static String lastLine(String output) throws IOException {
    List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
  }
}
