package io.sovereignrouter.attestation;

import io.sovereignrouter.attestation.internal.TileCodec;
import io.sovereignrouter.attestation.internal.TreeState;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An append-only, tiled RFC 6962 log with one sequencer thread and group commit.
 *
 * <p>{@link #append} queues an entry and returns at once. The sequencer takes up to {@link
 * LogConfig#maxBatchSize()} entries, waiting at most {@link LogConfig#maxBatchDelay()} after the
 * first, integrates them, writes entry bundles and tiles, syncs the store, signs one checkpoint,
 * writes it, and only then completes each future with (index, inclusion proof, checkpoint). An
 * acknowledged entry is therefore durable and covered by a durable signed checkpoint.
 *
 * <p>If writing tiles, syncing or signing fails, the batch's futures fail with that exception, the
 * batch is forgotten (its indexes are reused) and the log goes on; callers may retry. If writing
 * the checkpoint itself fails, its state on disk is unknown, so the log stops accepting entries;
 * reopen it to recover from the last durable checkpoint. When the queue is full appends fail fast
 * with {@link LogPushbackException}.
 */
public final class MerkleLog implements AutoCloseable {
  private final TileStore store;
  private final Signer signer;
  private final LogConfig config;
  private final BlockingQueue<Pending> queue;
  private final ReentrantLock lock = new ReentrantLock();
  private final TreeState state;
  private final Thread sequencer;
  private volatile SignedCheckpoint published;
  private volatile boolean closing;
  private volatile AttestationException broken;

  private record Pending(byte[] entry, Hash leafHash, CompletableFuture<AppendResult> future) {}

  private MerkleLog(
      TileStore store, Signer signer, LogConfig config, TreeState state, SignedCheckpoint cp) {
    this.store = store;
    this.signer = signer;
    this.config = config;
    this.queue = new ArrayBlockingQueue<>(config.maxPending());
    this.state = state;
    this.published = cp;
    this.sequencer = new Thread(this::run, "sovereign-log-sequencer");
    this.sequencer.setDaemon(true);
    this.sequencer.start();
  }

  /**
   * Opens a log, creating an empty one if the store has no checkpoint. An existing log resumes from
   * its checkpoint, which must verify under the signer's key and match the stored tiles.
   *
   * @param store storage (owned by the log from now on)
   * @param signer the log key; its name is the checkpoint origin
   * @param config group-commit settings
   * @return the running log
   * @throws LogStorageException if stored data is missing, corrupt or signed by another key
   */
  public static MerkleLog open(TileStore store, Signer signer, LogConfig config) {
    try {
      return openOrThrow(store, signer, config);
    } catch (RuntimeException e) {
      store.close(); // release the directory for a corrected retry
      throw e;
    }
  }

  private static MerkleLog openOrThrow(TileStore store, Signer signer, LogConfig config) {
    NoteVerifierKey key = signer.verifierKey();
    var stored = store.readCheckpoint();
    if (stored.isEmpty()) {
      SignedCheckpoint cp = Checkpoints.sign(Checkpoint.of(signer.name(), 0, Hash.EMPTY), signer);
      store.writeCheckpoint(cp.bytes());
      return new MerkleLog(store, signer, config, TreeState.empty(store), cp);
    }
    SignedCheckpoint cp;
    try {
      cp =
          switch (Checkpoints.open(stored.get(), key)) {
            case CheckpointVerification.Valid v -> v.signed();
            case CheckpointVerification.Invalid i ->
                throw new LogStorageException("stored checkpoint does not verify: " + i.reason());
          };
    } catch (FormatException e) {
      throw new LogStorageException("stored checkpoint is malformed: " + e.getMessage(), e);
    }
    long size = cp.checkpoint().size();
    // Tiles past the checkpoint are leftovers of a crashed integration: never published.
    store.discardBeyond(size);
    TreeState state = TreeState.load(store, size);
    Hash root = MerkleProofs.rootHash(size, state);
    if (!root.equals(cp.checkpoint().rootHash())) {
      throw new LogStorageException(
          "stored tiles give root " + root + ", checkpoint says " + cp.checkpoint().rootHash());
    }
    return new MerkleLog(store, signer, config, state, cp);
  }

  /**
   * Queues an entry. The future completes once the entry is durable and covered by a signed
   * checkpoint; it fails with {@link LogPushbackException} at once if the queue is full or the log
   * is closing, with {@link FormatException} if the entry is over 65535 bytes, and with {@link
   * LogStorageException} if storage failed.
   *
   * @param entry the entry bytes (copied)
   * @return the pending result
   */
  public CompletableFuture<AppendResult> append(byte[] entry) {
    if (entry.length > TileCodec.MAX_ENTRY_SIZE) {
      return CompletableFuture.failedFuture(
          new FormatException(
              "entry: " + entry.length + " bytes, max " + TileCodec.MAX_ENTRY_SIZE));
    }
    AttestationException failure = broken;
    if (failure != null) {
      return CompletableFuture.failedFuture(
          new LogStorageException("log stopped after a storage failure", failure));
    }
    if (closing) {
      return CompletableFuture.failedFuture(new LogPushbackException("log is closing"));
    }
    byte[] copy = entry.clone();
    Pending p = new Pending(copy, Hash.ofLeaf(copy), new CompletableFuture<>());
    if (!queue.offer(p)) {
      return CompletableFuture.failedFuture(
          new LogPushbackException("log queue full (" + config.maxPending() + " pending)"));
    }
    if (!sequencer.isAlive()) {
      // Raced with close(): nobody will integrate this entry.
      failQueued(new LogPushbackException("log is closed"));
    }
    return p.future();
  }

  /**
   * The latest published signed checkpoint.
   *
   * @return the checkpoint
   */
  public SignedCheckpoint checkpoint() {
    return published;
  }

  /**
   * The log's signed-note verifier key.
   *
   * @return the key
   */
  public NoteVerifierKey verifierKey() {
    return signer.verifierKey();
  }

  /**
   * An inclusion proof for a published entry.
   *
   * @param index leaf index
   * @param treeSize a published tree size above {@code index}
   * @return the proof
   * @throws IllegalArgumentException if the index or size is out of range
   */
  public InclusionProof inclusionProof(long index, long treeSize) {
    requirePublished(treeSize);
    lock.lock();
    try {
      return MerkleProofs.inclusion(index, treeSize, state);
    } finally {
      lock.unlock();
    }
  }

  /**
   * A consistency proof between two published sizes.
   *
   * @param size1 older size
   * @param size2 newer size, at most the published size
   * @return the proof
   * @throws IllegalArgumentException if the sizes are out of range
   */
  public ConsistencyProof consistencyProof(long size1, long size2) {
    requirePublished(size2);
    lock.lock();
    try {
      return MerkleProofs.consistency(size1, size2, state);
    } finally {
      lock.unlock();
    }
  }

  /**
   * The root hash of a published tree size.
   *
   * @param treeSize a size at most the published size
   * @return MTH of the first {@code treeSize} entries
   */
  public Hash rootHash(long treeSize) {
    requirePublished(treeSize);
    lock.lock();
    try {
      return MerkleProofs.rootHash(treeSize, state);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Reads a published entry.
   *
   * @param index leaf index below the published size
   * @return the entry bytes
   */
  public byte[] entry(long index) {
    if (index < 0 || index >= published.checkpoint().size()) {
      throw new IllegalArgumentException("index " + index + " not published");
    }
    lock.lock();
    try {
      return state.entry(index);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Stops accepting entries, integrates those already queued, then stops the sequencer and closes
   * the store.
   */
  @Override
  public void close() {
    closing = true;
    try {
      sequencer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    failQueued(new LogPushbackException("log is closed"));
    store.close();
  }

  private void requirePublished(long treeSize) {
    long size = published.checkpoint().size();
    if (treeSize < 0 || treeSize > size) {
      throw new IllegalArgumentException(
          "tree size " + treeSize + " not in [0, " + size + "] (published)");
    }
  }

  private void run() {
    List<Pending> batch = new ArrayList<>();
    while (true) {
      batch.clear();
      try {
        Pending first = queue.poll(20, TimeUnit.MILLISECONDS);
        if (first == null) {
          if (closing && queue.isEmpty()) {
            return;
          }
          continue;
        }
        batch.add(first);
        long deadline = System.nanoTime() + config.maxBatchDelay().toNanos();
        while (batch.size() < config.maxBatchSize()) {
          queue.drainTo(batch, config.maxBatchSize() - batch.size());
          long wait = deadline - System.nanoTime();
          if (batch.size() >= config.maxBatchSize() || wait <= 0) {
            break;
          }
          Pending next = queue.poll(wait, TimeUnit.NANOSECONDS);
          if (next == null) {
            break;
          }
          batch.add(next);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (broken != null) {
        fail(batch, broken);
        continue;
      }
      integrate(batch);
    }
  }

  private void integrate(List<Pending> batch) {
    long[] indexes = new long[batch.size()];
    Map<TilePath, byte[]> writes;
    SignedCheckpoint cp;
    boolean checkpointAttempted = false;
    try {
      Checkpoint body;
      lock.lock();
      try {
        for (int i = 0; i < batch.size(); i++) {
          indexes[i] = state.append(batch.get(i).entry(), batch.get(i).leafHash());
        }
        writes = state.pendingWrites();
        body =
            Checkpoint.of(signer.name(), state.size(), MerkleProofs.rootHash(state.size(), state));
      } finally {
        lock.unlock();
      }
      // Signing may be slow (a KMS-backed Signer): readers are not blocked meanwhile.
      cp = Checkpoints.sign(body, signer);
      // Durability order: tiles and bundles, sync, then the checkpoint that names them.
      for (Map.Entry<TilePath, byte[]> w : writes.entrySet()) {
        store.write(w.getKey(), w.getValue());
      }
      store.sync();
      checkpointAttempted = true;
      store.writeCheckpoint(cp.format().getBytes(StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      AttestationException failure =
          e instanceof AttestationException ae
              ? ae
              : new LogStorageException("log integration failed", e);
      if (checkpointAttempted) {
        // The checkpoint may or may not be on disk: reusing these indexes could fork the log.
        broken = failure;
        fail(batch, failure);
        return;
      }
      // Nothing names this batch (a tile write, sync or signing failed): forget it and go on.
      lock.lock();
      try {
        state.rollback();
      } finally {
        lock.unlock();
      }
      try {
        // Tiles of the forgotten batch must not be mistaken for published ones later.
        store.discardBeyond(published.checkpoint().size());
      } catch (RuntimeException cleanup) {
        failure.addSuppressed(cleanup);
        broken = failure;
        fail(batch, failure);
        return;
      }
      for (Pending p : batch) {
        p.future().completeExceptionally(failure);
      }
      return;
    }
    List<AppendResult> results = new ArrayList<>(batch.size());
    lock.lock();
    try {
      state.flushed();
      published = cp;
      long size = cp.checkpoint().size();
      for (int i = 0; i < batch.size(); i++) {
        InclusionProof proof = MerkleProofs.inclusion(indexes[i], size, state);
        results.add(new AppendResult(indexes[i], batch.get(i).leafHash(), proof, cp));
      }
    } finally {
      lock.unlock();
    }
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).future().complete(results.get(i));
    }
  }

  private void fail(List<Pending> batch, AttestationException cause) {
    for (Pending p : batch) {
      p.future().completeExceptionally(cause);
    }
    failQueued(cause);
  }

  private void failQueued(AttestationException cause) {
    Pending p;
    while ((p = queue.poll()) != null) {
      p.future().completeExceptionally(cause);
    }
  }
}
