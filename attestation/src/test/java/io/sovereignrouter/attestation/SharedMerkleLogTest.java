package io.sovereignrouter.attestation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Several {@link MerkleLog}s appending to one {@link SharedTileStore}. */
class SharedMerkleLogTest {
  private static final LogConfig CONFIG = new LogConfig(Duration.ofMillis(1), 32, 10_000);
  private final Ed25519Signer key =
      Ed25519Signer.generate("shared.example/log", new SecureRandom());

  @Test
  void append_twoLogsOneStore_oneTreeWithoutGapsOrDuplicates() throws Exception {
    InMemorySharedTileStore storage = new InMemorySharedTileStore(1, 0);
    Outcome o = appendConcurrently(storage, 2, 3, 400);
    assertThat(o.acked).hasSize(2 * 3 * 400);
    check(storage, o, true);
  }

  @Test
  void append_commitsFailAtRandom_acknowledgedEntriesSurviveAndNothingForks() throws Exception {
    InMemorySharedTileStore storage = new InMemorySharedTileStore(7, 0.1);
    Outcome o = appendConcurrently(storage, 3, 2, 300);
    assertThat(storage.failures()).isGreaterThan(0);
    assertThat(o.failed).isGreaterThan(0);
    check(storage, o, false);
  }

  @Test
  void open_secondLogCatchesUpAndIdleLogRefreshes() throws Exception {
    InMemorySharedTileStore storage = new InMemorySharedTileStore(3, 0);
    try (MerkleLog a = MerkleLog.open(storage.view(), key, CONFIG);
        MerkleLog b = MerkleLog.open(storage.view(), key, CONFIG)) {
      AppendResult first = a.append(bytes("a0")).get(10, TimeUnit.SECONDS);
      AppendResult second = b.append(bytes("b0")).get(10, TimeUnit.SECONDS);
      assertThat(first.index()).isZero();
      assertThat(second.index()).isEqualTo(1);
      assertThat(second.checkpoint().checkpoint().size()).isEqualTo(2);
      // a is idle: within a refresh period it serves b's checkpoint and entry.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (a.checkpoint().checkpoint().size() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(a.checkpoint().checkpoint().size()).isEqualTo(2);
      assertThat(a.entry(1)).isEqualTo(bytes("b0"));
      assertThat(a.inclusionProof(1, 2).verify(second.leafHash(), a.rootHash(2)).ok()).isTrue();
    }
  }

  private record Outcome(
      Map<Long, byte[]> acked,
      List<AppendResult> results,
      List<SignedCheckpoint> cps,
      int failed) {}

  private Outcome appendConcurrently(
      InMemorySharedTileStore storage, int logs, int threadsPerLog, int perThread)
      throws Exception {
    List<MerkleLog> open = new ArrayList<>();
    for (int i = 0; i < logs; i++) {
      open.add(MerkleLog.open(storage.view(), key, CONFIG));
    }
    List<Thread> threads = new ArrayList<>();
    List<AppendResult> results = java.util.Collections.synchronizedList(new ArrayList<>());
    Map<Long, byte[]> acked = new java.util.concurrent.ConcurrentHashMap<>();
    java.util.concurrent.atomic.AtomicInteger failed =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger duplicates =
        new java.util.concurrent.atomic.AtomicInteger();
    for (int l = 0; l < logs; l++) {
      MerkleLog log = open.get(l);
      for (int t = 0; t < threadsPerLog; t++) {
        String prefix = "l" + l + "t" + t + "-";
        Thread th =
            new Thread(
                () -> {
                  List<CompletableFuture<AppendResult>> window = new ArrayList<>();
                  List<byte[]> entries = new ArrayList<>();
                  for (int i = 0; i < perThread; i++) {
                    byte[] e = bytes(prefix + i);
                    entries.add(e);
                    window.add(log.append(e));
                  }
                  for (int i = 0; i < perThread; i++) {
                    try {
                      AppendResult r = window.get(i).get(30, TimeUnit.SECONDS);
                      results.add(r);
                      if (acked.putIfAbsent(r.index(), entries.get(i)) != null) {
                        duplicates.incrementAndGet();
                      }
                    } catch (ExecutionException e) {
                      failed.incrementAndGet();
                    } catch (Exception e) {
                      throw new IllegalStateException(e);
                    }
                  }
                });
        th.start();
        threads.add(th);
      }
    }
    for (Thread th : threads) {
      th.join();
    }
    for (MerkleLog log : open) {
      log.close();
    }
    assertThat(duplicates.get()).as("indexes acknowledged twice").isZero();
    List<SignedCheckpoint> cps = results.stream().map(AppendResult::checkpoint).distinct().toList();
    return new Outcome(acked, List.copyOf(results), cps, failed.get());
  }

  private void check(InMemorySharedTileStore storage, Outcome o, boolean exact) {
    try (MerkleLog log = MerkleLog.open(storage.view(), key, CONFIG)) {
      Checkpoint latest = log.checkpoint().checkpoint();
      if (exact) {
        assertThat(latest.size()).isEqualTo(o.acked.size());
      }
      for (AppendResult r : o.results) {
        Checkpoint cp = r.checkpoint().checkpoint();
        assertThat(Checkpoints.open(r.checkpoint().bytes(), key.verifierKey()))
            .isInstanceOf(CheckpointVerification.Valid.class);
        assertThat(r.proof().verify(r.leafHash(), cp.rootHash()).ok())
            .as("inclusion of %d in %d", r.index(), cp.size())
            .isTrue();
      }
      for (Map.Entry<Long, byte[]> a : o.acked.entrySet()) {
        assertThat(log.entry(a.getKey())).as("entry %d", a.getKey()).isEqualTo(a.getValue());
      }
      Set<String> seen = new HashSet<>();
      for (long i = 0; i < latest.size(); i++) {
        assertThat(seen.add(new String(log.entry(i), StandardCharsets.UTF_8)))
            .as("duplicate at %d", i)
            .isTrue();
      }
      Map<Long, Hash> rootBySize = new HashMap<>();
      for (SignedCheckpoint s : o.cps) {
        Checkpoint old = s.checkpoint();
        Hash prev = rootBySize.putIfAbsent(old.size(), old.rootHash());
        assertThat(prev == null || prev.equals(old.rootHash()))
            .as("fork at %d", old.size())
            .isTrue();
        ConsistencyProof proof = log.consistencyProof(old.size(), latest.size());
        assertThat(Checkpoints.consistent(old, latest, proof).ok())
            .as("consistency %d→%d", old.size(), latest.size())
            .isTrue();
      }
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
