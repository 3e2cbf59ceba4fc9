package io.sovereignrouter.attestation;

import io.sovereignrouter.attestation.internal.Journal;
import io.sovereignrouter.attestation.internal.TileCodec;
import io.sovereignrouter.attestation.internal.TreeState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
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
 *
 * <p>Over a {@link SharedTileStore}, several logs (one per process) append to one tree. Each batch
 * is integrated inside {@link SharedTileStore#integrate}: under the storage's lock the sequencer
 * reads the durable checkpoint, and if another process has advanced the tree it reloads the tree's
 * right edge (after checking that the new tree extends the one it published: no fork) before
 * assigning indexes. Tiles and checkpoint commit atomically, so any failure, even an ambiguous
 * commit, just fails the batch; the log keeps going. When idle, the sequencer picks up other
 * processes' checkpoints every {@link #SHARED_REFRESH_MILLIS} ms so that readers see them.
 *
 * <p>A <em>journaled</em> log ({@link #openJournaled}) can also promise before it proves: a journal
 * writer thread assigns indexes, appends the batch to a write-ahead journal and fsyncs it, then
 * completes {@link PromisedAppend#promised()}; the sequencer integrates journaled batches as above
 * and completes {@link PromisedAppend#proven()}. A promised index is never reused: any later
 * failure stops the log, and reopening replays the journal into the tree at the promised indexes.
 */
public final class MerkleLog implements AutoCloseable {
  /** How often an idle log over a {@link SharedTileStore} looks for newer checkpoints. */
  public static final long SHARED_REFRESH_MILLIS = 1_000;

  /** Directory of a journaled log's write-ahead journal, inside the store's directory. */
  public static final String JOURNAL_DIR = "journal";

  private final TileStore store;
  private volatile Signer signer; // replaced once a rotation's checkpoint is durable
  private final java.util.concurrent.atomic.AtomicBoolean rotating =
      new java.util.concurrent.atomic.AtomicBoolean();
  private final LogConfig config;
  private final BlockingQueue<Pending> queue;
  private final ReentrantLock lock = new ReentrantLock();
  private final SharedTileStore shared; // null for a single-writer store
  private TreeState state; // guarded by lock; replaced when another process advanced the tree
  private long lastRefresh = System.nanoTime(); // sequencer thread only
  private final Thread sequencer;
  private final Journal journal; // null unless journaled
  private final BlockingQueue<JournaledBatch> journaled = new LinkedBlockingQueue<>();
  private final Thread journalWriter; // null unless journaled; the consumer of queue otherwise
  private long nextIndex; // journal writer thread only
  private volatile SignedCheckpoint published;
  private volatile boolean closing;
  private volatile AttestationException broken;

  // promise is null unless the caller asked for one; rotateTo is null unless the entry records a
  // rotation of the log key to that signer.
  private record Pending(
      byte[] entry,
      Hash leafHash,
      CompletableFuture<AppendResult> future,
      CompletableFuture<InclusionPromise> promise,
      Signer rotateTo) {}

  // Entries durable in the journal at indexes first, first + 1, …
  private record JournaledBatch(long first, List<Pending> entries) {}

  /**
   * The two stages of an append to a journaled log.
   *
   * @param promised completes once the entry is durable in the journal at its index
   * @param proven completes once a durable signed checkpoint covers it, as for {@link #append}
   */
  public record PromisedAppend(
      CompletableFuture<InclusionPromise> promised, CompletableFuture<AppendResult> proven) {}

  private record Opened(TreeState state, SignedCheckpoint checkpoint) {}

  private MerkleLog(
      TileStore store,
      Signer signer,
      LogConfig config,
      Opened opened,
      Journal journal,
      List<Pending> replay) {
    this.store = store;
    this.signer = signer;
    this.config = config;
    this.queue = new ArrayBlockingQueue<>(config.maxPending());
    this.shared = store instanceof SharedTileStore s ? s : null;
    this.state = opened.state();
    this.published = opened.checkpoint();
    this.journal = journal;
    long size = opened.checkpoint().checkpoint().size();
    this.nextIndex = size + replay.size();
    if (!replay.isEmpty()) {
      journaled.add(new JournaledBatch(size, replay));
    }
    this.sequencer =
        new Thread(
            journal == null ? this::run : this::integrateJournaled, "sovereign-log-sequencer");
    this.sequencer.setDaemon(true);
    this.journalWriter =
        journal == null ? null : new Thread(this::writeJournal, "sovereign-log-journal");
    if (journalWriter != null) {
      journalWriter.setDaemon(true);
      journalWriter.start();
    }
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
    if (store instanceof FileTileStore file && Journal.exists(file.root().resolve(JOURNAL_DIR))) {
      // A journaled run promised indexes: they must reach the tree before a plain log assigns
      // indexes of its own. Opening journaled replays them; closing it then removes the journal.
      Path root = file.root();
      openJournaled(file, signer, config).close();
      store = FileTileStore.open(root);
    }
    try {
      return openOrThrow(store, signer, config);
    } catch (RuntimeException e) {
      store.close(); // release the directory for a corrected retry
      throw e;
    }
  }

  private static MerkleLog openOrThrow(TileStore store, Signer signer, LogConfig config) {
    NoteVerifierKey key = signer.verifierKey();
    if (store instanceof SharedTileStore shared) {
      // Under the lock, so two processes creating one log agree on its first checkpoint.
      SignedCheckpoint cp =
          shared.integrate(
              tx -> {
                var stored = tx.checkpoint();
                if (stored.isPresent()) {
                  return verifyStored(stored.get(), key);
                }
                SignedCheckpoint empty =
                    Checkpoints.sign(Checkpoint.of(signer.name(), 0, Hash.EMPTY), signer);
                tx.writeCheckpoint(empty.bytes());
                return empty;
              });
      return new MerkleLog(
          store,
          signer,
          config,
          new Opened(loadVerified(store, cp.checkpoint()), cp),
          null,
          List.of());
    }
    return new MerkleLog(store, signer, config, openSingleWriter(store, signer), null, List.of());
  }

  private static Opened openSingleWriter(TileStore store, Signer signer) {
    var stored = store.readCheckpoint();
    if (stored.isEmpty()) {
      SignedCheckpoint cp = Checkpoints.sign(Checkpoint.of(signer.name(), 0, Hash.EMPTY), signer);
      store.writeCheckpoint(cp.bytes());
      return new Opened(TreeState.empty(store), cp);
    }
    SignedCheckpoint cp = verifyStored(stored.get(), signer.verifierKey());
    // Tiles past the checkpoint are leftovers of a crashed integration: never published.
    store.discardBeyond(cp.checkpoint().size());
    return new Opened(loadVerified(store, cp.checkpoint()), cp);
  }

  /**
   * Opens a journaled log over a file store: like {@link #open}, and also able to promise indexes
   * ({@link #appendPromised}). Entries the journal holds beyond the durable checkpoint (promised
   * before a crash) are integrated at their promised indexes before this returns.
   *
   * <p>The journal lives in {@code journal/} under the store's directory, so the store's lock
   * guards it too.
   *
   * @param store storage (owned by the log from now on)
   * @param signer the log key
   * @param config group-commit settings
   * @return the running log
   * @throws LogStorageException if stored data or the journal is corrupt, or replay fails
   */
  public static MerkleLog openJournaled(FileTileStore store, Signer signer, LogConfig config) {
    MerkleLog log;
    List<Pending> replay = new ArrayList<>();
    try {
      Opened opened = openSingleWriter(store, signer);
      Journal journal = Journal.open(store.root().resolve(JOURNAL_DIR));
      for (Journal.Record r : journal.recover(opened.checkpoint().checkpoint().size())) {
        replay.add(
            new Pending(r.entry(), Hash.ofLeaf(r.entry()), new CompletableFuture<>(), null, null));
      }
      log = new MerkleLog(store, signer, config, opened, journal, replay);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    // The sequencer may already have taken the batch: wait on the entries themselves.
    if (!replay.isEmpty()) {
      try {
        replay.get(replay.size() - 1).future().join();
      } catch (CompletionException e) {
        log.close();
        throw new LogStorageException("replaying the log journal failed", e.getCause());
      }
    }
    return log;
  }

  private static SignedCheckpoint verifyStored(byte[] stored, NoteVerifierKey key) {
    try {
      return switch (Checkpoints.open(stored, key)) {
        case CheckpointVerification.Valid v -> v.signed();
        case CheckpointVerification.Invalid i ->
            throw new LogStorageException("stored checkpoint does not verify: " + i.reason());
      };
    } catch (FormatException e) {
      throw new LogStorageException("stored checkpoint is malformed: " + e.getMessage(), e);
    }
  }

  // Loads the right edge the checkpoint names and checks the tiles give its root.
  private static TreeState loadVerified(TileStore store, Checkpoint cp) {
    TreeState state = TreeState.load(store, cp.size());
    Hash root = MerkleProofs.rootHash(cp.size(), state);
    if (!root.equals(cp.rootHash())) {
      throw new LogStorageException(
          "stored tiles give root " + root + ", checkpoint says " + cp.rootHash());
    }
    return state;
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
    return enqueue(entry, false).future();
  }

  /**
   * Queues an entry to a journaled log, which first promises it an index, then proves it. Both
   * futures fail as {@link #append}'s does; a promise, once given, is kept even across a crash.
   *
   * @param entry the entry bytes (copied)
   * @return the pending promise and proof
   * @throws IllegalStateException if the log is not journaled
   */
  public PromisedAppend appendPromised(byte[] entry) {
    if (journal == null) {
      throw new IllegalStateException("only a journaled log promises indexes");
    }
    Pending p = enqueue(entry, true);
    return new PromisedAppend(p.promise(), p.future());
  }

  /**
   * Whether this log can promise indexes ({@link #openJournaled}).
   *
   * @return true if journaled
   */
  public boolean journaled() {
    return journal != null;
  }

  /**
   * Rotates the log key: appends {@code entry} (the rotation's record, typically signed by both
   * keys), signs the checkpoint that first includes it with the current and the next key, and signs
   * every later checkpoint with {@code next} only. A verifier holding both keys verifies across the
   * boundary; one holding either key verifies the boundary checkpoint. The future completes once
   * that checkpoint is durable, by which time the log signs with {@code next}. If it fails, the key
   * is unchanged.
   *
   * @param entry the rotation record
   * @param next the new key (same name, another key)
   * @return the rotation record's append result
   * @throws IllegalStateException over a shared store (every process would need the new key at
   *     once) or while another rotation is in progress
   * @throws IllegalArgumentException if {@code next} has another name or is the current key
   */
  public CompletableFuture<AppendResult> appendRotation(byte[] entry, Signer next) {
    if (shared != null) {
      throw new IllegalStateException(
          "a shared log's key is rotated with every process stopped, not online");
    }
    if (!next.name().equals(signer.name()) || next.verifierKey().equals(signer.verifierKey())) {
      throw new IllegalArgumentException(
          "the next log key must have the log's name " + signer.name() + " and be a new key");
    }
    if (!rotating.compareAndSet(false, true)) {
      throw new IllegalStateException("a log key rotation is already in progress");
    }
    Pending p = enqueue(entry, false, next);
    p.future().whenComplete((r, e) -> rotating.set(false));
    return p.future();
  }

  private Pending enqueue(byte[] entry, boolean promise) {
    return enqueue(entry, promise, null);
  }

  private Pending enqueue(byte[] entry, boolean promise, Signer rotateTo) {
    Pending refused = null;
    if (entry.length > TileCodec.MAX_ENTRY_SIZE) {
      refused =
          refused(
              new FormatException(
                  "entry: " + entry.length + " bytes, max " + TileCodec.MAX_ENTRY_SIZE));
    } else if (broken != null) {
      refused = refused(new LogStorageException("log stopped after a storage failure", broken));
    } else if (closing) {
      refused = refused(new LogPushbackException("log is closing"));
    }
    if (refused != null) {
      return refused;
    }
    byte[] copy = entry.clone();
    Pending p =
        new Pending(
            copy,
            Hash.ofLeaf(copy),
            new CompletableFuture<>(),
            promise ? new CompletableFuture<>() : null,
            rotateTo);
    if (!queue.offer(p)) {
      return refused(
          new LogPushbackException("log queue full (" + config.maxPending() + " pending)"));
    }
    if (!(journalWriter == null ? sequencer : journalWriter).isAlive()) {
      // Raced with close(): nobody will take this entry.
      failQueued(new LogPushbackException("log is closed"));
    }
    return p;
  }

  private static Pending refused(AttestationException cause) {
    return new Pending(
        new byte[0],
        Hash.EMPTY,
        CompletableFuture.failedFuture(cause),
        CompletableFuture.failedFuture(cause),
        null);
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
      if (journalWriter != null) {
        journalWriter.join();
      }
      sequencer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    failQueued(new LogPushbackException("log is closed"));
    if (journal != null) {
      // A clean close leaves no journal behind: every journaled entry is in the tree by now.
      if (broken == null && published.checkpoint().size() >= nextIndex) {
        journal.clear();
      } else {
        journal.close();
      }
    }
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
    while (collect(batch, config.maxBatchDelay().toNanos())) {
      if (broken != null) {
        fail(batch, broken);
        continue;
      }
      integrate(batch, -1);
    }
  }

  /**
   * Replaces {@code batch} with the next group-commit batch from the queue; false once the log is
   * closing and the queue is empty (or the thread was interrupted).
   */
  private boolean collect(List<Pending> batch, long maxDelayNanos) {
    batch.clear();
    try {
      Pending first;
      while ((first = queue.poll(20, TimeUnit.MILLISECONDS)) == null) {
        if (closing && queue.isEmpty()) {
          return false;
        }
        refreshIfIdle();
      }
      batch.add(first);
      long deadline = System.nanoTime() + maxDelayNanos;
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
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Journal writer: assigns indexes, makes each batch durable in the journal, then promises. It
   * never waits for more entries (a promise should cost one fsync, not the batch delay): entries
   * that queue during an fsync form the next batch, and the sequencer applies the batch delay.
   */
  private void writeJournal() {
    List<Pending> batch = new ArrayList<>();
    while (collect(batch, 0)) {
      if (broken != null) {
        fail(batch, broken);
        continue;
      }
      long first = nextIndex;
      List<Journal.Record> records = new ArrayList<>(batch.size());
      for (Pending p : batch) {
        records.add(new Journal.Record(first + records.size(), p.entry()));
      }
      try {
        journal.append(records);
      } catch (RuntimeException e) {
        // Some records may be on disk: their indexes can never be handed to other entries.
        broken = storageFailure(e);
        fail(batch, broken);
        continue;
      }
      nextIndex += batch.size();
      Instant now = Instant.now();
      for (int i = 0; i < batch.size(); i++) {
        Pending p = batch.get(i);
        if (p.promise() != null) {
          p.promise().complete(new InclusionPromise(signer.name(), first + i, p.leafHash(), now));
        }
      }
      journaled.add(new JournaledBatch(first, List.copyOf(batch)));
    }
  }

  /** Sequencer of a journaled log: integrates journaled batches in order, coalescing them. */
  private void integrateJournaled() {
    List<Pending> batch = new ArrayList<>();
    while (true) {
      JournaledBatch next;
      try {
        next = journaled.poll(20, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (next == null) {
        if (closing && !journalWriter.isAlive() && journaled.isEmpty()) {
          return;
        }
        continue;
      }
      batch.clear();
      batch.addAll(next.entries());
      coalesce(batch);
      if (broken != null) {
        fail(batch, broken);
        continue;
      }
      integrate(batch, next.first());
      if (broken == null) {
        journal.release(published.checkpoint().size());
      }
    }
  }

  // Adds journaled batches arriving within the batch delay until the batch is full; it may end up
  // one journal batch over max-batch-size, since a batch taken from the queue cannot go back.
  private void coalesce(List<Pending> batch) {
    long deadline = System.nanoTime() + config.maxBatchDelay().toNanos();
    while (batch.size() < config.maxBatchSize()) {
      JournaledBatch more;
      try {
        more = journaled.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (more == null) {
        return;
      }
      batch.addAll(more.entries());
    }
  }

  private static AttestationException storageFailure(RuntimeException e) {
    return e instanceof AttestationException ae
        ? ae
        : new LogStorageException("log integration failed", e);
  }

  /**
   * Integrates a batch; {@code promisedFirst} is the index the journal promised its first entry, or
   * -1 when nothing was promised (then a failed batch is forgotten and its indexes reused).
   */
  private void integrate(List<Pending> batch, long promisedFirst) {
    if (shared != null) {
      integrateShared(batch);
      return;
    }
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
        if (promisedFirst >= 0 && indexes[0] != promisedFirst) {
          throw new LogStorageException(
              "journal promised index " + promisedFirst + ", tree is at " + indexes[0]);
        }
        writes = state.pendingWrites();
        body =
            Checkpoint.of(signer.name(), state.size(), MerkleProofs.rootHash(state.size(), state));
      } finally {
        lock.unlock();
      }
      // Signing may be slow (a KMS-backed Signer): readers are not blocked meanwhile.
      cp = Checkpoints.sign(body, signers(batch));
      // Durability order: tiles and bundles, sync, then the checkpoint that names them.
      for (Map.Entry<TilePath, byte[]> w : writes.entrySet()) {
        store.write(w.getKey(), w.getValue());
      }
      store.sync();
      checkpointAttempted = true;
      store.writeCheckpoint(cp.format().getBytes(StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      AttestationException failure = storageFailure(e);
      if (checkpointAttempted || promisedFirst >= 0) {
        // The checkpoint may or may not be on disk, or the indexes were promised: reusing them
        // could fork the log. Reopening recovers (from the journal, for promised entries).
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
        failOne(p, failure);
      }
      return;
    }
    acknowledge(batch, indexes, cp);
  }

  // The current key, plus the next one for the batch that records a rotation.
  private List<Signer> signers(List<Pending> batch) {
    for (Pending p : batch) {
      if (p.rotateTo() != null) {
        return List.of(signer, p.rotateTo());
      }
    }
    return List.of(signer);
  }

  private void acknowledge(List<Pending> batch, long[] indexes, SignedCheckpoint cp) {
    List<AppendResult> results = new ArrayList<>(batch.size());
    for (Pending p : batch) {
      if (p.rotateTo() != null) {
        signer = p.rotateTo(); // the cosigned checkpoint is durable: the new key takes over
      }
    }
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

  private void integrateShared(List<Pending> batch) {
    long[] indexes = new long[batch.size()];
    SignedCheckpoint cp;
    try {
      cp =
          shared.integrate(
              tx -> {
                byte[] stored =
                    tx.checkpoint()
                        .orElseThrow(() -> new LogStorageException("shared log has no checkpoint"));
                catchUp(verifyStored(stored, signer.verifierKey()));
                Map<TilePath, byte[]> writes;
                Checkpoint body;
                lock.lock();
                try {
                  for (int i = 0; i < batch.size(); i++) {
                    indexes[i] = state.append(batch.get(i).entry(), batch.get(i).leafHash());
                  }
                  writes = state.pendingWrites();
                  body =
                      Checkpoint.of(
                          signer.name(), state.size(), MerkleProofs.rootHash(state.size(), state));
                } finally {
                  lock.unlock();
                }
                SignedCheckpoint next = Checkpoints.sign(body, signer);
                writes.forEach(tx::write);
                tx.writeCheckpoint(next.format().getBytes(StandardCharsets.UTF_8));
                return next;
              });
    } catch (RuntimeException e) {
      AttestationException failure = storageFailure(e);
      // Nothing was published by us; if the commit did land after all, the next integration
      // finds it in the durable checkpoint and catches up, so these indexes are never reused.
      lock.lock();
      try {
        state.rollback();
      } finally {
        lock.unlock();
      }
      for (Pending p : batch) {
        failOne(p, failure);
      }
      return;
    }
    acknowledge(batch, indexes, cp);
  }

  /**
   * Adopts a durable checkpoint another process wrote, after checking that its tree extends ours.
   * Sequencer thread only.
   */
  private void catchUp(SignedCheckpoint durable) {
    Checkpoint mine = published.checkpoint();
    Checkpoint theirs = durable.checkpoint();
    if (theirs.equals(mine)) {
      return;
    }
    if (theirs.size() <= mine.size()) {
      throw new LogStorageException(
          "durable checkpoint (size "
              + theirs.size()
              + ") does not extend the published one (size "
              + mine.size()
              + "): storage rolled back or forked");
    }
    TreeState fresh = loadVerified(store, theirs);
    // RFC 9162 §2.1.4: the older tree is a prefix iff its root is recomputed from the newer one.
    Hash prefix = MerkleProofs.rootHash(mine.size(), fresh);
    if (!prefix.equals(mine.rootHash())) {
      throw new LogStorageException(
          "durable tree of size "
              + theirs.size()
              + " does not extend the published tree of size "
              + mine.size()
              + ": fork");
    }
    lock.lock();
    try {
      state = fresh;
      published = durable;
    } finally {
      lock.unlock();
    }
  }

  // Readers of an idle replica would otherwise serve its last own checkpoint forever.
  private void refreshIfIdle() {
    if (shared == null
        || broken != null
        || System.nanoTime() - lastRefresh < SHARED_REFRESH_MILLIS * 1_000_000L) {
      return;
    }
    lastRefresh = System.nanoTime();
    try {
      var stored = store.readCheckpoint();
      if (stored.isPresent()) {
        SignedCheckpoint durable = verifyStored(stored.get(), signer.verifierKey());
        if (durable.checkpoint().size() > published.checkpoint().size()) {
          catchUp(durable);
        }
      }
    } catch (RuntimeException e) {
      // Keep serving the checkpoint we have; appends surface storage failures to callers.
    }
  }

  private void fail(List<Pending> batch, AttestationException cause) {
    for (Pending p : batch) {
      failOne(p, cause);
    }
    failQueued(cause);
  }

  private void failQueued(AttestationException cause) {
    Pending p;
    while ((p = queue.poll()) != null) {
      failOne(p, cause);
    }
  }

  // A promise already given stays given: completeExceptionally is a no-op on a completed future.
  private static void failOne(Pending p, AttestationException cause) {
    p.future().completeExceptionally(cause);
    if (p.promise() != null) {
      p.promise().completeExceptionally(cause);
    }
  }
}
