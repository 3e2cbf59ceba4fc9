package io.sovereignrouter.gateway.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.sovereignrouter.attestation.Ed25519Signer;
import io.sovereignrouter.attestation.LogAuditor;
import io.sovereignrouter.attestation.LogConfig;
import io.sovereignrouter.attestation.MerkleLog;
import io.sovereignrouter.gateway.config.PostgresConfig;
import io.vertx.core.Vertx;
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
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two replica JVMs ({@link PostgresLogCrashChild}) append concurrently to one PostgreSQL log; one
 * is killed with SIGKILL at a random moment (possibly holding the integrator lock mid-transaction),
 * the survivor must keep appending, then it is killed too. After every round the log is reopened
 * and checked against every acknowledgement and checkpoint any child ever printed: entries at their
 * acknowledged indexes, no gaps or duplicates, a verifying latest checkpoint, consistency from
 * every handed-out checkpoint. Rounds share one database, so each also recovers from the previous
 * ones.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresLogCrashIT {
  private static final int ROUNDS = 4;

  private Path tmp;
  private Path keyFile;
  private Ed25519Signer key;
  private PostgresConfig config;
  private Vertx vertx;
  private PostgresDatabase db;
  private final Map<Long, byte[]> acked = new HashMap<>();
  private final List<byte[]> checkpoints = new ArrayList<>();
  private int survivorProgress;

  @BeforeAll
  void setUp(@TempDir Path dir) throws IOException {
    tmp = dir;
    keyFile = tmp.resolve("log.key");
    key = Ed25519Signer.generate("crash.pg.example/log", new SecureRandom());
    Files.writeString(keyFile, key.formatPrivateKey() + "\n");
    config = EmbeddedPostgresServer.freshDatabase();
    vertx = Vertx.vertx();
    db = PostgresDatabase.open(vertx, config).await();
  }

  @AfterAll
  void tearDown() {
    System.out.printf(
        "PG crash: %d rounds, %d acknowledged entries, %d checkpoints, survivor progressed in %d%n",
        ROUNDS, acked.size(), checkpoints.size(), survivorProgress);
    db.close();
    vertx.close().await();
    // Guards against a vacuous pass.
    assertThat(acked.size()).isGreaterThan(500);
    assertThat(survivorProgress).isEqualTo(ROUNDS);
  }

  static IntStream rounds() {
    return IntStream.range(0, ROUNDS);
  }

  @ParameterizedTest(name = "round #{0}")
  @MethodSource("rounds")
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void killOneOfTwoReplicas_logKeepsEveryAcknowledgement(int round) throws Exception {
    Random random = new Random(8_000L + round);
    Child a = Child.start(this, "r" + round + "a");
    Child b = Child.start(this, "r" + round + "b");
    try {
      assertThat(a.ready.await(60, TimeUnit.SECONDS)).as("replica a opened the log").isTrue();
      assertThat(b.ready.await(60, TimeUnit.SECONDS)).as("replica b opened the log").isTrue();
      Thread.sleep(100 + random.nextInt(900));
      Child victim = random.nextBoolean() ? a : b;
      Child survivor = victim == a ? b : a;
      victim.process.destroyForcibly(); // SIGKILL
      assertThat(victim.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      // The victim's connection died with it, so its advisory lock is gone: the survivor goes on.
      int before = survivor.acks();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (survivor.acks() < before + 100 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      if (survivor.acks() >= before + 100) {
        survivorProgress++;
      }
      survivor.process.destroyForcibly();
      assertThat(survivor.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      a.process.destroyForcibly();
      b.process.destroyForcibly();
    }
    collect(a.lines());
    collect(b.lines());

    try (MerkleLog log =
        MerkleLog.open(
            PostgresTileStore.create(db, Duration.ofSeconds(30)),
            key,
            new LogConfig(Duration.ofMillis(1), 64, 1000))) {
      LogChecks.check(log, key.verifierKey(), acked, checkpoints);
    }
    // An independent audit: every stored tile recomputed from the stored entries.
    var audit =
        LogAuditor.audit(PostgresTileStore.create(db, Duration.ofSeconds(30)), key.verifierKey());
    assertThat(audit.ok()).as(audit.toString()).isTrue();
  }

  private void collect(List<String> lines) {
    for (String line : lines) {
      String[] f = line.split(" ");
      if (f.length < 2 || !f[f.length - 1].equals(".")) {
        continue; // cut off by the kill
      }
      switch (f[0]) {
        case "ACK" -> {
          long index = Long.parseLong(f[1]);
          byte[] entry = Base64.getDecoder().decode(f[2]);
          assertThat(acked.putIfAbsent(index, entry))
              .as("index %d acknowledged twice", index)
              .isNull();
        }
        case "CP" -> checkpoints.add(Base64.getDecoder().decode(f[1]));
        default -> {}
      }
    }
  }

  private record Child(Process process, List<String> output, CountDownLatch ready, Thread reader) {
    static Child start(PostgresLogCrashIT test, String tag) throws IOException {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      ProcessBuilder pb =
          new ProcessBuilder(
              java,
              "--enable-native-access=ALL-UNNAMED",
              "-Xmx256m",
              "-XX:TieredStopAtLevel=1",
              "-cp",
              System.getProperty("java.class.path"),
              PostgresLogCrashChild.class.getName(),
              Integer.toString(test.config.port()),
              test.config.database(),
              test.keyFile.toString(),
              tag);
      pb.redirectError(test.tmp.resolve("child-" + tag + ".err").toFile());
      Process p = pb.start();
      List<String> output = new ArrayList<>();
      CountDownLatch ready = new CountDownLatch(1);
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader r =
                    new BufferedReader(
                        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                  String line;
                  while ((line = r.readLine()) != null) {
                    if (line.startsWith("READY ")) {
                      ready.countDown();
                    }
                    synchronized (output) {
                      output.add(line);
                    }
                  }
                } catch (IOException e) {
                  // The pipe closes when the child dies.
                }
              });
      reader.start();
      return new Child(p, output, ready, reader);
    }

    int acks() {
      synchronized (output) {
        return (int) output.stream().filter(l -> l.startsWith("ACK ")).count();
      }
    }

    List<String> lines() throws InterruptedException {
      reader.join(TimeUnit.SECONDS.toMillis(30));
      synchronized (output) {
        return List.copyOf(output);
      }
    }
  }
}
