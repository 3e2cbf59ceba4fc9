package io.sovereignrouter.gateway.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sovereignrouter.attestation.Checkpoint;
import io.sovereignrouter.attestation.Checkpoints;
import io.sovereignrouter.attestation.Ed25519Signer;
import io.sovereignrouter.attestation.Hash;
import io.sovereignrouter.attestation.LogStorageException;
import io.sovereignrouter.attestation.Note;
import io.sovereignrouter.attestation.TilePath;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link PostgresTileStore} against a real PostgreSQL: the SharedTileStore contract. */
class PostgresTileStoreIT {
  private static final Ed25519Signer KEY =
      Ed25519Signer.generate("pg.example/log", new SecureRandom());
  private Vertx vertx;
  private PostgresDatabase db;
  private PostgresTileStore store;

  @BeforeEach
  void open() {
    vertx = Vertx.vertx();
    db = PostgresDatabase.open(vertx, EmbeddedPostgresServer.freshDatabase()).await();
    store = PostgresTileStore.create(db, Duration.ofSeconds(30));
  }

  @AfterEach
  void close() {
    store.close();
    db.close();
    vertx.close().await();
  }

  @Test
  void read_absent_isEmpty() {
    assertThat(store.read(new TilePath.Hashes(0, 0, 1))).isEmpty();
    assertThat(store.read(new TilePath.Entries(0, 1))).isEmpty();
    assertThat(store.readCheckpoint()).isEmpty();
  }

  @Test
  void writeRead_hashTile_widerVersionServesNarrowerPrefixes() {
    byte[] three = hashes(3, 1);
    store.write(new TilePath.Hashes(1, 7, 3), three);
    assertThat(store.read(new TilePath.Hashes(1, 7, 3))).contains(three);
    byte[] five = hashes(5, 1);
    store.write(new TilePath.Hashes(1, 7, 5), five);
    assertThat(store.read(new TilePath.Hashes(1, 7, 5))).contains(five);
    assertThat(store.read(new TilePath.Hashes(1, 7, 2))).contains(slice(five, 2 * 32));
    assertThat(store.read(new TilePath.Hashes(1, 7, 6))).isEmpty();
    assertThat(store.read(new TilePath.Hashes(0, 7, 5))).isEmpty();
    // A narrower or different write never replaces a wider tile.
    store.write(new TilePath.Hashes(1, 7, 4), hashes(4, 9));
    assertThat(store.read(new TilePath.Hashes(1, 7, 5))).contains(five);
  }

  @Test
  void writeRead_entryBundle_partialAndFull() {
    List<byte[]> entries = new ArrayList<>();
    for (int i = 0; i < 256; i++) {
      entries.add(("entry-" + i).getBytes(StandardCharsets.UTF_8));
    }
    entries.set(3, new byte[0]); // empty entries are legal
    store.write(new TilePath.Entries(0, 10), EntryBundles.encode(entries.subList(0, 10)));
    assertThat(store.read(new TilePath.Entries(0, 10)))
        .contains(EntryBundles.encode(entries.subList(0, 10)));
    assertThat(store.read(new TilePath.Entries(0, 4)))
        .contains(EntryBundles.encode(entries.subList(0, 4)));
    assertThat(store.read(new TilePath.Entries(0, 11))).isEmpty();
    store.write(new TilePath.Entries(0, 256), EntryBundles.encode(entries));
    assertThat(store.read(new TilePath.Entries(0, 256))).contains(EntryBundles.encode(entries));
    assertThat(store.read(new TilePath.Entries(1, 1))).isEmpty();
    assertThatThrownBy(() -> store.write(new TilePath.Entries(2, 3), new byte[] {0, 5, 1}))
        .isInstanceOf(LogStorageException.class);
  }

  @Test
  void writeCheckpoint_replacesButNeverGoesBack() {
    byte[] two = checkpoint(2);
    byte[] five = checkpoint(5);
    store.writeCheckpoint(two);
    assertThat(store.readCheckpoint()).contains(two);
    store.writeCheckpoint(five);
    assertThat(store.readCheckpoint()).contains(five);
    assertThatThrownBy(() -> store.writeCheckpoint(two))
        .isInstanceOf(LogStorageException.class)
        .hasMessageContaining("refusing to go back");
    assertThat(store.readCheckpoint()).contains(five);
    assertThatThrownBy(() -> store.writeCheckpoint("not a note".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(LogStorageException.class);
  }

  @Test
  void integrate_throwing_storesNothing() {
    store.writeCheckpoint(checkpoint(1));
    assertThatThrownBy(
            () ->
                store.integrate(
                    tx -> {
                      tx.write(new TilePath.Hashes(0, 0, 2), hashes(2, 3));
                      tx.write(
                          new TilePath.Entries(0, 2),
                          EntryBundles.encode(List.of(new byte[] {1}, new byte[] {2})));
                      tx.writeCheckpoint(checkpoint(2));
                      throw new IllegalStateException("signing failed");
                    }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(store.read(new TilePath.Hashes(0, 0, 1))).isEmpty();
    assertThat(store.read(new TilePath.Entries(0, 1))).isEmpty();
    assertThat(store.readCheckpoint()).contains(checkpoint(1));
  }

  @Test
  void integrate_failingStatement_rollsBackEveryWrite() {
    store.writeCheckpoint(checkpoint(4));
    // The checkpoint write fails (it would go back), so the tile staged with it must not land.
    assertThatThrownBy(
            () ->
                store.integrate(
                    tx -> {
                      tx.write(new TilePath.Hashes(0, 0, 3), hashes(3, 3));
                      tx.writeCheckpoint(checkpoint(3));
                      return null;
                    }))
        .isInstanceOf(LogStorageException.class);
    assertThat(store.read(new TilePath.Hashes(0, 0, 1))).isEmpty();
  }

  @Test
  void integrate_concurrentCallers_runOneAtATimeAndSeeEachOthersCheckpoint() throws Exception {
    store.writeCheckpoint(checkpoint(0));
    PostgresTileStore other = PostgresTileStore.create(db, Duration.ofSeconds(30));
    int threads = 4;
    int rounds = 25;
    List<Thread> all = new ArrayList<>();
    List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int t = 0; t < threads; t++) {
      PostgresTileStore s = t % 2 == 0 ? store : other;
      Thread th =
          new Thread(
              () -> {
                try {
                  for (int r = 0; r < rounds; r++) {
                    s.integrate(
                        tx -> {
                          long size = size(tx.checkpoint().orElseThrow());
                          tx.writeCheckpoint(checkpoint(size + 1));
                          return size;
                        });
                  }
                } catch (Throwable e) {
                  errors.add(e);
                }
              });
      th.start();
      all.add(th);
    }
    for (Thread th : all) {
      th.join();
    }
    assertThat(errors).isEmpty();
    assertThat(size(store.readCheckpoint().orElseThrow())).isEqualTo(threads * rounds);
  }

  @Test
  void integrate_lockHeldTooLong_waiterFailsTypedThenSucceeds() throws Exception {
    store.writeCheckpoint(checkpoint(0));
    PostgresTileStore impatient = PostgresTileStore.create(db, Duration.ofMillis(500));
    var holding = new java.util.concurrent.CountDownLatch(1);
    var release = new java.util.concurrent.CountDownLatch(1);
    Thread holder =
        new Thread(
            () ->
                store.integrate(
                    tx -> {
                      holding.countDown();
                      try {
                        release.await();
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                      tx.writeCheckpoint(checkpoint(1));
                      return null;
                    }));
    holder.start();
    assertThat(holding.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    long start = System.nanoTime();
    assertThatThrownBy(() -> impatient.integrate(tx -> tx.checkpoint()))
        .isInstanceOf(LogStorageException.class)
        .hasMessageContaining("integrator lock");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    release.countDown();
    holder.join();
    // The waiter's connection went back to the pool clean: it integrates once the lock is free.
    long size = impatient.integrate(tx -> size(tx.checkpoint().orElseThrow()));
    assertThat(size).isEqualTo(1L);
  }

  @Test
  void blockingCalls_refusedOnEventLoop() throws Exception {
    var failure = new java.util.concurrent.CompletableFuture<Throwable>();
    vertx.runOnContext(
        v -> {
          try {
            store.readCheckpoint();
            failure.complete(null);
          } catch (Throwable e) {
            failure.complete(e);
          }
        });
    assertThat(failure.get(10, java.util.concurrent.TimeUnit.SECONDS))
        .isInstanceOf(IllegalStateException.class);
  }

  private static long size(byte[] note) {
    return Checkpoint.parse(Note.parse(note).text()).size();
  }

  private static byte[] checkpoint(long size) {
    Hash root = Hash.sha256(("root-" + size).getBytes(StandardCharsets.UTF_8));
    return Checkpoints.sign(Checkpoint.of(KEY.name(), size, root), KEY).bytes();
  }

  private static byte[] hashes(int n, int seed) {
    byte[] out = new byte[n * 32];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) (seed * 31 + i);
    }
    return out;
  }

  private static byte[] slice(byte[] b, int len) {
    return java.util.Arrays.copyOf(b, len);
  }
}
