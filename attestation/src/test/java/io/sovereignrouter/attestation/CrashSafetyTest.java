package io.sovereignrouter.attestation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Crash safety: a child JVM ({@link CrashChild}) appends concurrently and is killed with SIGKILL at
 * a random moment; the log is then reopened and checked. All iterations share one log directory, so
 * every iteration also recovers from the previous crashes, and the checks cover every
 * acknowledgement and checkpoint any earlier child printed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashSafetyTest {
  /** Whether the child appends to a journaled log, which promises indexes before proving them. */
  boolean journaled() {
    return false;
  }

  private static final int ITERATIONS = 24;

  private Path tmp;
  private Path logDir;
  private Path keyFile;
  private Ed25519Signer key;
  private final Map<Long, byte[]> acked = new HashMap<>();
  private final Map<Long, byte[]> promised = new HashMap<>();
  private final List<byte[]> checkpoints = new ArrayList<>();
  private int iterationsWithAcks;

  @BeforeAll
  void setUp(@TempDir Path dir) throws IOException {
    tmp = dir;
    logDir = tmp.resolve("log");
    keyFile = tmp.resolve("log.key");
    key = Ed25519Signer.generate("crash.example/log", new SecureRandom());
    Files.writeString(keyFile, key.formatPrivateKey() + "\n");
  }

  static IntStream iterations() {
    return IntStream.range(0, ITERATIONS);
  }

  @ParameterizedTest(name = "kill #{0}")
  @MethodSource("iterations")
  void kill9_thenReopen_keepsEveryAcknowledgedEntry(int iteration) throws Exception {
    Random random = new Random(6_000L + iteration);
    // Every fourth child dies while starting up (possibly inside MerkleLog.open); the others at a
    // random moment after the log opened, while appends are in flight.
    boolean duringStartup = iteration % 4 == 3;
    long killAfterMs = duringStartup ? random.nextInt(400) : 50 + random.nextInt(700);
    List<String> lines = runAndKill("i" + iteration, duringStartup, killAfterMs);

    int acks = 0;
    for (String line : lines) {
      String[] f = line.split(" ");
      if (f.length < 2 || !f[f.length - 1].equals(".")) {
        continue; // cut off by the kill
      }
      switch (f[0]) {
        case "ACK" -> {
          long index = Long.parseLong(f[1]);
          byte[] entry = Base64.getDecoder().decode(f[2]);
          byte[] previous = acked.putIfAbsent(index, entry);
          assertThat(previous).as("index %d acknowledged twice", index).isNull();
          acks++;
        }
        case "PROMISE" -> {
          long index = Long.parseLong(f[1]);
          byte[] entry = Base64.getDecoder().decode(f[2]);
          assertThat(promised.putIfAbsent(index, entry))
              .as("index %d promised twice", index)
              .isNull();
        }
        case "CP" -> checkpoints.add(Base64.getDecoder().decode(f[1]));
        default -> {}
      }
    }
    if (acks > 0) {
      iterationsWithAcks++;
    }

    LogConfig config = new LogConfig(Duration.ofMillis(1), 64, 1000);
    try (MerkleLog log =
        journaled()
            ? MerkleLog.openJournaled(FileTileStore.open(logDir), key, config)
            : MerkleLog.open(FileTileStore.open(logDir), key, config)) {
      Checkpoint latest = log.checkpoint().checkpoint();
      // After open, every stored tile and bundle belongs to a published tree.
      try (java.util.stream.Stream<Path> files = Files.walk(logDir.resolve("tile"))) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          String rel = logDir.relativize(f).toString().replace('\\', '/');
          assertThat(TilePath.parse(rel).within(latest.size())).as(rel).isTrue();
        }
      }
      assertThat(Checkpoints.open(log.checkpoint().bytes(), key.verifierKey()))
          .isInstanceOf(CheckpointVerification.Valid.class);

      // Every acknowledged entry is at its acknowledged index.
      for (Map.Entry<Long, byte[]> a : acked.entrySet()) {
        assertThat(a.getKey()).isLessThan(latest.size());
        assertThat(log.entry(a.getKey())).as("entry %d", a.getKey()).isEqualTo(a.getValue());
      }
      // Every promise is kept: the promised entry is at the promised index, even if the child died
      // before proving it.
      for (Map.Entry<Long, byte[]> p : promised.entrySet()) {
        assertThat(p.getKey()).isLessThan(latest.size());
        assertThat(log.entry(p.getKey()))
            .as("promised entry %d", p.getKey())
            .isEqualTo(p.getValue());
      }
      // No index is skipped or holds a duplicate: every index reads, every entry is distinct.
      Set<String> seen = new HashSet<>();
      for (long i = 0; i < latest.size(); i++) {
        String e = new String(log.entry(i), StandardCharsets.UTF_8);
        assertThat(seen.add(e)).as("duplicate entry %s at %d", e, i).isTrue();
      }
      // Every checkpoint ever handed out is a prefix of the recovered log.
      for (byte[] note : checkpoints) {
        Checkpoint old =
            ((CheckpointVerification.Valid) Checkpoints.open(note, key.verifierKey()))
                .signed()
                .checkpoint();
        assertThat(old.size()).isLessThanOrEqualTo(latest.size());
        ConsistencyProof proof = log.consistencyProof(old.size(), latest.size());
        assertThat(Checkpoints.consistent(old, latest, proof).ok())
            .as("consistency %d→%d", old.size(), latest.size())
            .isTrue();
      }
    }
    assertThat(LogAuditor.audit(FileTileStore.openReadOnly(logDir), key.verifierKey()).ok())
        .isTrue();
  }

  @AfterAll
  void enoughWorkWasKilled() {
    // Guards against a vacuous pass: most children must have acknowledged entries before dying.
    System.out.printf(
        "crash safety (%s): %d kills, %d with acknowledgements, %d acknowledged entries, %d"
            + " promised, %d checkpoints%n",
        journaled() ? "journaled" : "plain",
        ITERATIONS,
        iterationsWithAcks,
        acked.size(),
        promised.size(),
        checkpoints.size());
    assertThat(iterationsWithAcks).isGreaterThanOrEqualTo(ITERATIONS / 2);
    assertThat(acked.size()).isGreaterThan(1000);
    assertThat(checkpoints.size()).isGreaterThan(ITERATIONS);
    if (journaled()) {
      assertThat(promised.size()).isGreaterThanOrEqualTo(acked.size());
    }
  }

  private List<String> runAndKill(String tag, boolean duringStartup, long killAfterMs)
      throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            CrashChild.class.getName(),
            logDir.toString(),
            keyFile.toString(),
            tag,
            journaled() ? "journaled" : "plain");
    pb.redirectError(tmp.resolve("child-" + tag + ".err").toFile());
    Process child = pb.start();
    List<String> lines = new ArrayList<>();
    CountDownLatch ready = new CountDownLatch(1);
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  if (line.startsWith("READY ")) {
                    ready.countDown();
                  }
                  synchronized (lines) {
                    lines.add(line);
                  }
                }
              } catch (IOException e) {
                // The pipe closes when the child dies.
              }
            });
    reader.start();
    if (!duringStartup) {
      assertThat(ready.await(60, TimeUnit.SECONDS)).as("child opened the log").isTrue();
    }
    Thread.sleep(killAfterMs);
    child.destroyForcibly(); // SIGKILL on POSIX
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    reader.join(TimeUnit.SECONDS.toMillis(30));
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }
}
