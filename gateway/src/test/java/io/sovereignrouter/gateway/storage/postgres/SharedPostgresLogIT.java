package io.sovereignrouter.gateway.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.sovereignrouter.attestation.AppendResult;
import io.sovereignrouter.attestation.Checkpoints;
import io.sovereignrouter.attestation.ConsistencyProof;
import io.sovereignrouter.attestation.Ed25519Signer;
import io.sovereignrouter.attestation.LogConfig;
import io.sovereignrouter.attestation.MerkleLog;
import io.sovereignrouter.attestation.SignedCheckpoint;
import io.sovereignrouter.gateway.config.PostgresConfig;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Two {@link MerkleLog}s, each with its own pool, appending concurrently to one PostgreSQL log. */
class SharedPostgresLogIT {
  private static final int LOGS = 2;
  private static final int THREADS_PER_LOG = 4;
  private static final int PER_THREAD = 500;

  @Test
  void append_twoReplicasOneDatabase_everyAcknowledgementHolds() throws Exception {
    PostgresConfig config = EmbeddedPostgresServer.freshDatabase();
    Ed25519Signer key = Ed25519Signer.generate("pg.example/log", new SecureRandom());
    LogConfig logConfig = new LogConfig(Duration.ofMillis(2), 64, 10_000);
    Vertx vertx = Vertx.vertx();
    List<PostgresDatabase> dbs = new ArrayList<>();
    List<MerkleLog> logs = new ArrayList<>();
    Map<Long, byte[]> acked = new ConcurrentHashMap<>();
    List<AppendResult> results = Collections.synchronizedList(new ArrayList<>());
    try {
      for (int i = 0; i < LOGS; i++) {
        PostgresDatabase db = PostgresDatabase.open(vertx, config).await();
        dbs.add(db);
        logs.add(
            MerkleLog.open(PostgresTileStore.create(db, Duration.ofSeconds(30)), key, logConfig));
      }
      List<Thread> threads = new ArrayList<>();
      for (int l = 0; l < LOGS; l++) {
        MerkleLog log = logs.get(l);
        for (int t = 0; t < THREADS_PER_LOG; t++) {
          String prefix = "replica" + l + "-t" + t + "-";
          Thread th =
              new Thread(
                  () -> {
                    List<byte[]> entries = new ArrayList<>();
                    List<CompletableFuture<AppendResult>> futures = new ArrayList<>();
                    for (int i = 0; i < PER_THREAD; i++) {
                      byte[] e = (prefix + i).getBytes(StandardCharsets.UTF_8);
                      entries.add(e);
                      futures.add(log.append(e));
                    }
                    for (int i = 0; i < PER_THREAD; i++) {
                      AppendResult r = futures.get(i).orTimeout(60, TimeUnit.SECONDS).join();
                      results.add(r);
                      assertThat(acked.putIfAbsent(r.index(), entries.get(i)))
                          .as("index %d acknowledged twice", r.index())
                          .isNull();
                    }
                  });
          th.start();
          threads.add(th);
        }
      }
      for (Thread th : threads) {
        th.join();
      }
      int total = LOGS * THREADS_PER_LOG * PER_THREAD;
      assertThat(acked).hasSize(total);
      // Each acknowledgement's proof verifies against the checkpoint handed out with it.
      for (AppendResult r : results) {
        assertThat(r.proof().verify(r.leafHash(), r.checkpoint().checkpoint().rootHash()).ok())
            .as("inclusion of %d", r.index())
            .isTrue();
      }
      List<SignedCheckpoint> cps =
          results.stream()
              .map(AppendResult::checkpoint)
              .distinct()
              .sorted(Comparator.comparingLong(c -> c.checkpoint().size()))
              .toList();
      System.out.printf(
          "shared PG log: %d entries from %d replicas in %d checkpoints%n",
          total, LOGS, cps.size());
      for (MerkleLog log : logs) {
        log.close();
      }
      logs.clear();
      try (MerkleLog reopened =
          MerkleLog.open(
              PostgresTileStore.create(dbs.get(0), Duration.ofSeconds(30)), key, logConfig)) {
        assertThat(reopened.checkpoint().checkpoint().size()).isEqualTo(total);
        // Consecutive checkpoints handed out by either replica form one chain.
        for (int i = 1; i < cps.size(); i++) {
          var older = cps.get(i - 1).checkpoint();
          var newer = cps.get(i).checkpoint();
          ConsistencyProof proof = reopened.consistencyProof(older.size(), newer.size());
          assertThat(Checkpoints.consistent(older, newer, proof).ok())
              .as("consistency %d→%d", older.size(), newer.size())
              .isTrue();
        }
        LogChecks.check(
            reopened, key.verifierKey(), acked, cps.stream().map(SignedCheckpoint::bytes).toList());
      }
    } finally {
      logs.forEach(MerkleLog::close);
      dbs.forEach(PostgresDatabase::close);
      vertx.close().await();
    }
  }
}
