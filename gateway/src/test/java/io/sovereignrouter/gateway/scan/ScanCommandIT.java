package io.sovereignrouter.gateway.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real {@code ./sovereign scan}, run as a user (or an external evaluator) would. */
class ScanCommandIT {
  private static final Path LAUNCHER = Path.of("..", "sovereign").toAbsolutePath().normalize();
  private static final String GH = "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";
  private static final String PW = "Zq8vT2mWx4Lp";

  @TempDir Path dir;

  private record Run(int status, String stdout, String stderr) {}

  private Run scan(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", LAUNCHER.toString(), "scan"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().put("SOVEREIGN_SCAN_KEY", "it-fingerprint-key-0123456789");
    Path out = Files.createTempFile(dir.getParent(), "out", ".txt");
    Path err = Files.createTempFile(dir.getParent(), "err", ".txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  @Test
  void scan_jsonl_contract() throws Exception {
    Path tree = Files.createDirectories(dir.resolve("repo/src"));
    // Non-ASCII before the secret: offsets are characters (code points), not bytes or UTF-16 units.
    String env = "# caf\u00e9 \uD83D\uDD11 config\nGITHUB_TOKEN=" + GH + "\n";
    Files.writeString(tree.resolve(".env"), env, StandardCharsets.UTF_8);
    Files.writeString(
        tree.resolve("db.yaml"), "url: postgres://app:" + PW + "@db.internal:5432/app\n");
    Files.writeString(
        tree.resolve("README.md"), "Set GITHUB_TOKEN=ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX\n");
    Run run = scan("--format", "jsonl", "repo");
    assertThat(run.status()).as(run.stderr()).isZero();
    List<JsonObject> lines = run.stdout().lines().map(JsonObject::new).toList();
    assertThat(lines).hasSize(2);
    assertThat(run.stdout()).doesNotContain(GH, PW);
    JsonObject gh =
        lines.stream()
            .filter(l -> l.getString("rule").equals("github-pat"))
            .findFirst()
            .orElseThrow();
    assertThat(gh.getString("file")).isEqualTo("repo/src/.env");
    int[] codePoints = env.codePoints().toArray();
    String found =
        new String(
            codePoints, gh.getInteger("start"), gh.getInteger("end") - gh.getInteger("start"));
    assertThat(found).isEqualTo(GH);
    assertThat(gh.getString("fingerprint")).matches("[0-9a-f]{16}");
    JsonObject pg =
        lines.stream()
            .filter(l -> l.getString("file").equals("repo/src/db.yaml"))
            .findFirst()
            .orElseThrow();
    assertThat(pg.getString("rule")).isEqualTo("postgres-url-password");
    String yaml = Files.readString(tree.resolve("db.yaml"));
    assertThat(yaml.substring(pg.getInteger("start"), pg.getInteger("end"))).isEqualTo(PW);
    // Same key, same fingerprint across runs; a single file argument is reported as given.
    Run again = scan("--format", "jsonl", "repo/src/.env");
    assertThat(new JsonObject(again.stdout().strip()).getString("fingerprint"))
        .isEqualTo(gh.getString("fingerprint"));
    assertThat(new JsonObject(again.stdout().strip()).getString("file")).isEqualTo("repo/src/.env");
  }

  @Test
  void scan_noFindings_emptyStdout_exitZero_missingPath_nonZero() throws Exception {
    Files.writeString(dir.resolve("clean.txt"), "nothing to see: ${OPENAI_API_KEY}\n");
    Run clean = scan("--format", "jsonl", "clean.txt");
    assertThat(clean.status()).isZero();
    assertThat(clean.stdout()).isEmpty();
    Run missing = scan("--format", "jsonl", "clean.txt", "nope");
    assertThat(missing.status()).isNotZero();
    assertThat(missing.stdout()).isEmpty();
    assertThat(missing.stderr()).contains("nope");
  }

  @Test
  void scan_text_table_andGitleaksRules() throws Exception {
    Files.writeString(
        dir.resolve("rules.toml"),
        "[[rules]]\nid = \"acme\"\nregex = '''acme_[a-z0-9]{20}'''\nkeywords = [\"acme_\"]\n");
    Files.writeString(dir.resolve("notes.txt"), "token acme_k3j9x2m7q1w8e4r6t5y0 and " + GH + "\n");
    Run run = scan("--rules", "rules.toml", "notes.txt");
    assertThat(run.status()).as(run.stderr()).isZero();
    assertThat(run.stdout())
        .contains("notes.txt:1", "gitleaks.acme", "github-pat", "2 finding(s) in 1 file(s)")
        .doesNotContain(GH, "acme_k3j9");
  }
}
