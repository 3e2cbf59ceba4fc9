package io.sovereignrouter.attestation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MerkleLogTest {
  private static final Ed25519Signer KEY =
      Ed25519Signer.generate("sovereign.example/log", new SecureRandom());
  private static final LogConfig FAST = new LogConfig(Duration.ofMillis(2), 100, 10_000);

  @TempDir Path dir;

  static byte[] entry(int i) {
    return ("entry-" + i).getBytes(StandardCharsets.UTF_8);
  }

  private static List<AppendResult> appendAll(MerkleLog log, int from, int to) throws Exception {
    List<CompletableFuture<AppendResult>> futures = new ArrayList<>();
    for (int i = from; i < to; i++) {
      futures.add(log.append(entry(i)));
    }
    List<AppendResult> out = new ArrayList<>();
    for (CompletableFuture<AppendResult> f : futures) {
      out.add(f.get());
    }
    return out;
  }

  @Test
  void append_returnsVerifiableProofsAndCheckpoints() throws Exception {
    try (MerkleLog log = MerkleLog.open(FileTileStore.open(dir), KEY, FAST)) {
      List<AppendResult> results = appendAll(log, 0, 1300);
      for (int i = 0; i < results.size(); i++) {
        AppendResult r = results.get(i);
        assertThat(r.index()).isEqualTo(i);
        assertThat(r.leafHash()).isEqualTo(Hash.ofLeaf(entry(i)));
        Checkpoint cp = r.checkpoint().checkpoint();
        assertThat(r.proof().verify(r.leafHash(), cp.rootHash()).ok()).isTrue();
        assertThat(Checkpoints.open(r.checkpoint().bytes(), KEY.verifierKey()))
            .isInstanceOf(CheckpointVerification.Valid.class);
      }
      long size = log.checkpoint().checkpoint().size();
      assertThat(size).isEqualTo(1300);
      assertThat(log.rootHash(size)).isEqualTo(referenceRoot(1300));
      assertThat(log.entry(777)).isEqualTo(entry(777));
      // Batching: far fewer checkpoints than entries, each at most 100 entries.
      long batches =
          results.stream().map(r -> r.checkpoint().checkpoint().size()).distinct().count();
      assertThat(batches).isBetween(13L, 1300L);
    }
    assertThat(LogAuditor.audit(FileTileStore.openReadOnly(dir), KEY.verifierKey()).ok()).isTrue();
  }

  @Test
  void store_layoutFollowsTlogTiles() throws Exception {
    LogConfig bulk = new LogConfig(Duration.ofMillis(5), 4096, 100_000);
    try (MerkleLog log = MerkleLog.open(FileTileStore.open(dir), KEY, bulk)) {
      appendAll(log, 0, 256 * 256 + 300);
    }
    assertThat(dir.resolve("checkpoint")).isRegularFile();
    assertThat(dir.resolve("tile/0/256")).hasSize(256 * 32);
    assertThat(dir.resolve("tile/0/x256/000")).doesNotExist();
    assertThat(dir.resolve("tile/0/257.p/44")).hasSize(44 * 32);
    assertThat(dir.resolve("tile/1/000")).hasSize(256 * 32);
    assertThat(dir.resolve("tile/1/001.p/1")).hasSize(32);
    assertThat(dir.resolve("tile/2/000.p/1")).hasSize(32);
    assertThat(dir.resolve("tile/entries/257.p/44")).exists();
    try (Stream<Path> files = Files.walk(dir)) {
      assertThat(files.filter(p -> p.getFileName().toString().contains(".tmp-"))).isEmpty();
    }
    assertThat(LogAuditor.audit(FileTileStore.openReadOnly(dir), KEY.verifierKey()).ok()).isTrue();
  }

  @Test
  void open_resumesTreeAndStaysConsistent() throws Exception {
    SignedCheckpoint first;
    try (MerkleLog log = MerkleLog.open(FileTileStore.open(dir), KEY, FAST)) {
      appendAll(log, 0, 700);
      first = log.checkpoint();
    }
    try (MerkleLog log = MerkleLog.open(FileTileStore.open(dir), KEY, FAST)) {
      assertThat(log.checkpoint()).isEqualTo(first);
      List<AppendResult> more = appendAll(log, 700, 1000);
      assertThat(more.get(0).index()).isEqualTo(700);
      Checkpoint latest = log.checkpoint().checkpoint();
      assertThat(latest.rootHash()).isEqualTo(referenceRoot(1000));
      for (long m = 0; m <= 1000; m += 37) {
        ConsistencyProof p = log.consistencyProof(m, 1000);
        assertThat(p.verify(referenceRoot((int) m), latest.rootHash()).ok()).as("m=%d", m).isTrue();
      }
      assertThat(
              Checkpoints.consistent(first.checkpoint(), latest, log.consistencyProof(700, 1000))
                  .ok())
          .isTrue();
      InclusionProof old = log.inclusionProof(5, 700);
      assertThat(old.verify(Hash.ofLeaf(entry(5)), first.checkpoint().rootHash()).ok()).isTrue();
    }
  }

  @Test
  void open_secondWriterIsRefused() {
    try (MerkleLog log = MerkleLog.open(FileTileStore.open(dir), KEY, FAST)) {
      assertThatThrownBy(() -> FileTileStore.open(dir))
          .isInstanceOf(LogStorageException.class)
          .hasMessageContaining("in use");
    }
    FileTileStore.open(dir).close();
  }

  @Test
  void proofs_duringAppendsVerifyAgainstPublishedRoots() throws Exception {
    try (MerkleLog log =
        MerkleLog.open(
            FileTileStore.open(dir), KEY, new LogConfig(Duration.ofMillis(1), 37, 100_000))) {
      CompletableFuture<List<AppendResult>> writer =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return appendAll(log, 0, 3000);
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      java.util.Random random = new java.util.Random(1);
      int checked = 0;
      while (!writer.isDone() || checked < 200) {
        Checkpoint cp = log.checkpoint().checkpoint();
        if (cp.size() == 0) {
          continue;
        }
        long i = random.nextLong(cp.size());
        InclusionProof p = log.inclusionProof(i, cp.size());
        assertThat(p.verify(Hash.ofLeaf(entry((int) i)), cp.rootHash()).ok()).isTrue();
        long m = random.nextLong(cp.size() + 1);
        assertThat(log.consistencyProof(m, cp.size()).verify(log.rootHash(m), cp.rootHash()).ok())
            .isTrue();
        checked++;
      }
      assertThat(writer.get()).hasSize(3000);
    }
  }

  @Test
  void open_discardsLeftoversOfACrashedIntegration() throws Exception {
    try (MerkleLog log = MerkleLog.open(FileTileStore.open(dir), KEY, FAST)) {
      appendAll(log, 0, 300);
    }
    List<String> leftovers =
        List.of(
            "tile/0/001.p/50",
            "tile/entries/001.p/50",
            "tile/0/002",
            "tile/1/000.p/2",
            "tile/0/.000.tmp-1-1");
    for (String rel : leftovers) {
      Files.createDirectories(dir.resolve(rel).getParent());
      Files.write(dir.resolve(rel), new byte[] {1, 2, 3});
    }
    try (MerkleLog log = MerkleLog.open(FileTileStore.open(dir), KEY, FAST)) {
      for (String rel : leftovers) {
        assertThat(dir.resolve(rel)).as(rel).doesNotExist();
      }
      assertThat(dir.resolve("tile/0/001.p/44")).exists();
      appendAll(log, 300, 320);
    }
    assertThat(LogAuditor.audit(FileTileStore.openReadOnly(dir), KEY.verifierKey()).ok()).isTrue();
  }

  @Test
  void open_otherKeyIsRefused() throws Exception {
    try (MerkleLog log = MerkleLog.open(FileTileStore.open(dir), KEY, FAST)) {
      appendAll(log, 0, 3);
    }
    Ed25519Signer other = Ed25519Signer.generate(KEY.name(), new SecureRandom());
    assertThatThrownBy(() -> MerkleLog.open(FileTileStore.open(dir), other, FAST))
        .isInstanceOf(LogStorageException.class)
        .hasMessageContaining("does not verify");
  }

  @Test
  void tamper_anyByteOfTileEntryOrCheckpointIsDetected() throws Exception {
    try (MerkleLog log = MerkleLog.open(FileTileStore.open(dir), KEY, FAST)) {
      appendAll(log, 0, 300);
    }
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    // Only the resources named by the checkpoint of size 300 matter; older partials are stale.
    List<String> live =
        List.of(
            "checkpoint",
            "tile/0/000",
            "tile/0/001.p/44",
            "tile/1/000.p/1",
            "tile/entries/000",
            "tile/entries/001.p/44");
    int checked = 0;
    for (Path f : files) {
      String rel = dir.relativize(f).toString().replace('\\', '/');
      if (!live.contains(rel)) {
        continue;
      }
      byte[] good = Files.readAllBytes(f);
      for (int i = 0; i < good.length; i += Math.max(1, good.length / 97)) {
        byte[] bad = good.clone();
        bad[i] ^= 0x20;
        Files.write(f, bad);
        assertThat(LogAuditor.audit(FileTileStore.openReadOnly(dir), KEY.verifierKey()).ok())
            .as("%s byte %d", rel, i)
            .isFalse();
        checked++;
      }
      Files.write(f, good);
    }
    assertThat(checked).isGreaterThan(400);
    assertThat(LogAuditor.audit(FileTileStore.openReadOnly(dir), KEY.verifierKey()).ok()).isTrue();
  }

  @Test
  void fork_isDetected(@TempDir Path other) throws Exception {
    try (MerkleLog a = MerkleLog.open(FileTileStore.open(dir), KEY, FAST);
        MerkleLog b = MerkleLog.open(FileTileStore.open(other), KEY, FAST)) {
      appendAll(a, 0, 10);
      appendAll(b, 0, 9);
      b.append("forked".getBytes(StandardCharsets.UTF_8)).get();
      Checkpoint ca = a.checkpoint().checkpoint();
      Checkpoint cb = b.checkpoint().checkpoint();
      assertThat(Checkpoints.forked(ca, cb)).isTrue();
      appendAll(b, 10, 20);
      Checkpoint cb2 = b.checkpoint().checkpoint();
      // b's history does not extend a's checkpoint of size 10.
      assertThat(Checkpoints.consistent(ca, cb2, b.consistencyProof(10, 20)).ok()).isFalse();
      assertThat(Checkpoints.consistent(cb, cb2, b.consistencyProof(10, 20)).ok()).isTrue();
    }
  }

  @Test
  void append_queueFullIsPushback() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    TileStore blocking = new BlockingStore(FileTileStore.open(dir), release);
    try (MerkleLog log = MerkleLog.open(blocking, KEY, new LogConfig(Duration.ZERO, 1, 4))) {
      List<CompletableFuture<AppendResult>> accepted = new ArrayList<>();
      CompletableFuture<AppendResult> refused = null;
      for (int i = 0; i < 50 && refused == null; i++) {
        CompletableFuture<AppendResult> f = log.append(entry(i));
        if (f.isCompletedExceptionally()) {
          refused = f;
        } else {
          accepted.add(f);
        }
      }
      assertThat(refused).isNotNull();
      assertThatThrownBy(refused::get).hasCauseInstanceOf(LogPushbackException.class);
      release.countDown();
      for (CompletableFuture<AppendResult> f : accepted) {
        assertThat(f.get().index()).isLessThan(accepted.size());
      }
    }
  }

  @Test
  void append_tileWriteFailureFailsOnlyThatBatch() throws Exception {
    FailingStore failing = new FailingStore(FileTileStore.open(dir));
    try (MerkleLog log = MerkleLog.open(failing, KEY, FAST)) {
      appendAll(log, 0, 5);
      SignedCheckpoint before = log.checkpoint();
      failing.failWrites = true;
      assertThatThrownBy(() -> log.append(entry(1000)).get())
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(LogStorageException.class);
      failing.failWrites = false;
      assertThat(log.checkpoint()).isEqualTo(before);
      try (Stream<Path> files = Files.walk(dir.resolve("tile"))) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          String rel = dir.relativize(f).toString().replace('\\', '/');
          assertThat(TilePath.parse(rel).within(5)).as(rel).isTrue();
        }
      }
      List<AppendResult> after = appendAll(log, 5, 300);
      assertThat(after.get(0).index()).isEqualTo(5);
      assertThat(log.checkpoint().checkpoint().rootHash()).isEqualTo(referenceRoot(300));
    }
    assertThat(LogAuditor.audit(FileTileStore.openReadOnly(dir), KEY.verifierKey()).ok()).isTrue();
  }

  @Test
  void append_signerFailureFailsOnlyThatBatch() throws Exception {
    java.util.concurrent.atomic.AtomicBoolean failNext =
        new java.util.concurrent.atomic.AtomicBoolean();
    Signer flaky =
        new Signer() {
          @Override
          public String name() {
            return KEY.name();
          }

          @Override
          public byte[] publicKey() {
            return KEY.publicKey();
          }

          @Override
          public byte[] sign(byte[] message) {
            if (failNext.getAndSet(false)) {
              throw new AttestationException("injected signer timeout");
            }
            return KEY.sign(message);
          }
        };
    try (MerkleLog log = MerkleLog.open(FileTileStore.open(dir), flaky, FAST)) {
      appendAll(log, 0, 250);
      failNext.set(true);
      // Crosses a tile boundary inside the failed batch: rollback must restore the edges.
      List<CompletableFuture<AppendResult>> failed = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        failed.add(log.append(("lost-" + i).getBytes(StandardCharsets.UTF_8)));
      }
      int lost = 0;
      for (CompletableFuture<AppendResult> f : failed) {
        try {
          f.get();
        } catch (ExecutionException e) {
          assertThat(e).hasCauseInstanceOf(AttestationException.class);
          lost++;
        }
      }
      assertThat(lost).isPositive();
      long size = log.checkpoint().checkpoint().size();
      List<CompletableFuture<AppendResult>> more = new ArrayList<>();
      for (long i = size; i < 600; i++) {
        more.add(log.append(entry((int) i)));
      }
      for (CompletableFuture<AppendResult> f : more) {
        AppendResult r = f.get();
        assertThat(r.proof().verify(r.leafHash(), r.checkpoint().checkpoint().rootHash()).ok())
            .isTrue();
      }
    }
    assertThat(LogAuditor.audit(FileTileStore.openReadOnly(dir), KEY.verifierKey()).ok()).isTrue();
    try (MerkleLog log = MerkleLog.open(FileTileStore.open(dir), KEY, FAST)) {
      assertThat(log.checkpoint().checkpoint().size()).isEqualTo(600);
    }
  }

  @Test
  void append_checkpointWriteFailureStopsLog() throws Exception {
    FailingStore failing = new FailingStore(FileTileStore.open(dir));
    try (MerkleLog log = MerkleLog.open(failing, KEY, FAST)) {
      appendAll(log, 0, 5);
      failing.failCheckpoint = true;
      assertThatThrownBy(() -> log.append(entry(5)).get())
          .hasCauseInstanceOf(LogStorageException.class);
      failing.failCheckpoint = false;
      assertThatThrownBy(() -> log.append(entry(6)).get())
          .hasCauseInstanceOf(LogStorageException.class);
      assertThat(log.checkpoint().checkpoint().size()).isEqualTo(5);
    }
    try (MerkleLog log = MerkleLog.open(FileTileStore.open(dir), KEY, FAST)) {
      assertThat(log.checkpoint().checkpoint().size()).isEqualTo(5);
      assertThat(log.append(entry(99)).get().index()).isEqualTo(5);
    }
  }

  @Test
  void append_oversizedEntryIsRejected() throws Exception {
    try (MerkleLog log = MerkleLog.open(FileTileStore.open(dir), KEY, FAST)) {
      assertThatThrownBy(() -> log.append(new byte[70_000]).get())
          .hasCauseInstanceOf(FormatException.class);
      assertThat(log.append(new byte[65_535]).get().index()).isZero();
    }
  }

  static Hash referenceRoot(int n) {
    return MerkleProofs.rootHash(n, TestTrees.reader(TestTrees.leafHashes(entries(n))));
  }

  static List<byte[]> entries(int n) {
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(entry(i));
    }
    return out;
  }

  /** Delegates, but holds the first tile write until released. */
  static final class BlockingStore implements TileStore {
    private final TileStore delegate;
    private final CountDownLatch release;

    BlockingStore(TileStore delegate, CountDownLatch release) {
      this.delegate = delegate;
      this.release = release;
    }

    @Override
    public Optional<byte[]> read(TilePath path) {
      return delegate.read(path);
    }

    @Override
    public void write(TilePath path, byte[] data) {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      delegate.write(path, data);
    }

    @Override
    public void sync() {
      delegate.sync();
    }

    @Override
    public Optional<byte[]> readCheckpoint() {
      return delegate.readCheckpoint();
    }

    @Override
    public void writeCheckpoint(byte[] signedNote) {
      delegate.writeCheckpoint(signedNote);
    }

    @Override
    public void discardBeyond(long treeSize) {
      delegate.discardBeyond(treeSize);
    }

    @Override
    public void close() {
      delegate.close();
    }
  }

  /** Delegates, but fails tile writes or checkpoint writes while the flags are set. */
  static final class FailingStore implements TileStore {
    private final TileStore delegate;
    volatile boolean failWrites;
    volatile boolean failCheckpoint;

    FailingStore(TileStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public Optional<byte[]> read(TilePath path) {
      return delegate.read(path);
    }

    @Override
    public void write(TilePath path, byte[] data) {
      if (failWrites && path instanceof TilePath.Hashes) {
        throw new LogStorageException("injected write failure"); // after the entry bundle
      }
      delegate.write(path, data);
    }

    @Override
    public void sync() {
      delegate.sync();
    }

    @Override
    public Optional<byte[]> readCheckpoint() {
      return delegate.readCheckpoint();
    }

    @Override
    public void writeCheckpoint(byte[] signedNote) {
      if (failCheckpoint) {
        throw new LogStorageException("injected checkpoint failure");
      }
      delegate.writeCheckpoint(signedNote);
    }

    @Override
    public void discardBeyond(long treeSize) {
      delegate.discardBeyond(treeSize);
    }

    @Override
    public void close() {
      delegate.close();
    }
  }
}
