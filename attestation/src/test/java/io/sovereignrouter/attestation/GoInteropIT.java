package io.sovereignrouter.attestation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the Go verifier in {@code interop/go-verify} (golang.org/x/mod/sumdb/note and tlog) over a
 * log written by this module. Requires a Go toolchain and fails, rather than skips, without one.
 */
class GoInteropIT {
  private static final Ed25519Signer KEY =
      Ed25519Signer.generate("interop.example/log", new SecureRandom());

  @TempDir Path dir;

  @Test
  void goVerifier_acceptsJavaLogAndProofs() throws Exception {
    writeLog(dir.resolve("log"), 700, dir.resolve("proofs.txt"));
    Result r = goVerify(dir.resolve("log"), Optional.of(dir.resolve("proofs.txt")));
    assertThat(r.exit()).as(r.output()).isZero();
    assertThat(r.output()).contains("OK interop.example/log size=700").contains("entries=700");
    // 700/13 inclusion proofs plus one consistency proof per sampled checkpoint.
    assertThat(r.output()).containsPattern("java-proofs=6[0-9]\\b");
  }

  @Test
  void goVerifier_rejectsTamperedTileEntryAndCheckpoint() throws Exception {
    Path log = dir.resolve("log");
    writeLog(log, 300, dir.resolve("proofs.txt"));
    for (String rel : List.of("tile/0/000", "tile/entries/001.p/44", "checkpoint")) {
      Path f = log.resolve(rel);
      byte[] good = Files.readAllBytes(f);
      byte[] bad = good.clone();
      bad[bad.length / 2] ^= 0x01;
      Files.write(f, bad);
      Result r = goVerify(log, Optional.empty());
      assertThat(r.exit()).as(rel + ": " + r.output()).isNotZero();
      assertThat(r.output()).contains("FAIL");
      Files.write(f, good);
    }
    assertThat(goVerify(log, Optional.empty()).exit()).isZero();
  }

  private static void writeLog(Path log, int n, Path proofs) throws Exception {
    List<String> lines = new ArrayList<>();
    List<SignedCheckpoint> seen = new ArrayList<>();
    try (MerkleLog l =
        MerkleLog.open(
            FileTileStore.open(log), KEY, new LogConfig(Duration.ofMillis(1), 50, 10_000))) {
      List<CompletableFuture<AppendResult>> fs = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        fs.add(l.append(("interop-" + i).getBytes(StandardCharsets.UTF_8)));
        if (i % 97 == 0) {
          seen.add(fs.get(i).get().checkpoint());
        }
      }
      CompletableFuture.allOf(fs.toArray(CompletableFuture[]::new)).get();
      long size = l.checkpoint().checkpoint().size();
      for (long i = 0; i < size; i += 13) {
        lines.add(
            "inclusion "
                + i
                + " "
                + Hash.ofLeaf(l.entry(i)).format()
                + hashes(l.inclusionProof(i, size).hashes()));
      }
      for (SignedCheckpoint cp : seen) {
        long m = cp.checkpoint().size();
        lines.add(
            "consistency "
                + m
                + " "
                + cp.checkpoint().rootHash().format()
                + hashes(l.consistencyProof(m, size).hashes()));
      }
    }
    Files.write(proofs, lines);
  }

  private static String hashes(List<Hash> hs) {
    return hs.stream().map(h -> " " + h.format()).collect(Collectors.joining());
  }

  record Result(int exit, String output) {}

  private static Result goVerify(Path log, Optional<Path> proofs)
      throws IOException, InterruptedException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                goBinary(),
                "run",
                ".",
                "-log",
                log.toString(),
                "-key",
                KEY.verifierKey().format()));
    proofs.ifPresent(p -> cmd.addAll(List.of("-proofs", p.toString())));
    Path module = Path.of(System.getProperty("basedir", "."), "interop", "go-verify");
    ProcessBuilder pb =
        new ProcessBuilder(cmd).directory(module.toFile()).redirectErrorStream(true);
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("go run finished").isTrue();
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  private static String goBinary() {
    List<Path> candidates = new ArrayList<>();
    for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      candidates.add(Path.of(d, "go"));
    }
    candidates.add(Path.of("/usr/local/go/bin/go"));
    for (Path c : candidates) {
      if (Files.isExecutable(c)) {
        return c.toString();
      }
    }
    throw new AssertionError(
        "Go toolchain not found on PATH or in /usr/local/go/bin: the interop check needs Go ≥ 1.22"
            + " (https://go.dev/dl); it is not skipped.");
  }
}
