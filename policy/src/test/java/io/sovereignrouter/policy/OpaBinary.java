package io.sovereignrouter.policy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the pinned OPA binary ({@code policies/OPA_VERSION}) that {@code ./sovereign test}
 * installs. Tests that need it fail (never skip) when it is missing, with the command that installs
 * it.
 */
final class OpaBinary {
  private OpaBinary() {}

  /** The pinned version, e.g. {@code v1.22.2}. */
  static String pinnedVersion() {
    try {
      return Files.readString(RepoFiles.policies().resolve("OPA_VERSION"), StandardCharsets.UTF_8)
          .strip();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read policies/OPA_VERSION", e);
    }
  }

  /**
   * The binary: {@code $SOVEREIGN_OPA} when set, else {@code target/tools/opa-<version>/opa}.
   *
   * @throws IllegalStateException when neither exists
   */
  static Path path() {
    List<Path> tried = new ArrayList<>();
    String env = System.getenv("SOVEREIGN_OPA");
    if (env != null && !env.isEmpty()) {
      tried.add(Path.of(env));
    }
    tried.add(RepoFiles.root().resolve("target/tools/opa-" + pinnedVersion()).resolve("opa"));
    for (Path p : tried) {
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    throw new IllegalStateException(
        "OPA "
            + pinnedVersion()
            + " not found (tried "
            + tried
            + "); run './sovereign test' (it installs OPA with 'go install') or set SOVEREIGN_OPA");
  }

  /** Runs opa with arguments in the repository root; returns its combined output. */
  static String run(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(path().toString());
    cmd.addAll(List.of(args));
    Process p =
        new ProcessBuilder(cmd)
            .directory(RepoFiles.root().toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int rc = p.waitFor();
    if (rc != 0) {
      throw new IllegalStateException(
          "opa " + String.join(" ", args) + " exited " + rc + ":\n" + out);
    }
    return out;
  }
}
