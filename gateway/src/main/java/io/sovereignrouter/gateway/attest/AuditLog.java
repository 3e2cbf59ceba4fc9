package io.sovereignrouter.gateway.attest;

import io.sovereignrouter.attestation.AppendResult;
import io.sovereignrouter.attestation.CheckpointVerification;
import io.sovereignrouter.attestation.Checkpoints;
import io.sovereignrouter.attestation.Ed25519Signer;
import io.sovereignrouter.attestation.Envelopes;
import io.sovereignrouter.attestation.FileTileStore;
import io.sovereignrouter.attestation.InclusionPromise;
import io.sovereignrouter.attestation.InclusionPromises;
import io.sovereignrouter.attestation.InclusionReceipt;
import io.sovereignrouter.attestation.LogConfig;
import io.sovereignrouter.attestation.LogKeys;
import io.sovereignrouter.attestation.LogPushbackException;
import io.sovereignrouter.attestation.MerkleLog;
import io.sovereignrouter.attestation.NoteVerifierKey;
import io.sovereignrouter.attestation.SignedCheckpoint;
import io.sovereignrouter.attestation.Statements;
import io.sovereignrouter.attestation.TilePath;
import io.sovereignrouter.attestation.TileStore;
import io.sovereignrouter.gateway.DataDir;
import io.sovereignrouter.gateway.config.ConfigException;
import io.sovereignrouter.gateway.http.ApiException;
import io.sovereignrouter.gateway.storage.postgres.PostgresDatabase;
import io.sovereignrouter.gateway.storage.postgres.PostgresTileStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The gateway's append-only audit log: the attestation module's {@link MerkleLog} in {@code
 * <data-dir>/log}, signed by the Ed25519 key in {@code <data-dir>/log.key} (created 0600 on first
 * start; its public verifier key is written to {@code log.pub}). The same key signs the DSSE
 * envelopes, so a verifier needs only {@code log.pub}.
 *
 * <p>With {@code storage.backend: postgres} the log lives in PostgreSQL instead and every replica
 * appends to the same tree ({@link PostgresTileStore}); replicas must then share one {@code
 * log.key}. Tiles and checkpoints are always read through the log's store, never the file system.
 */
public final class AuditLog implements AutoCloseable {
  static final String KEY_FILE = "log.key";
  static final String PUBLIC_KEY_FILE = "log.pub";

  /** The next key while a rotation is under way; adopted at start if the log already uses it. */
  static final String NEXT_KEY_FILE = "log.key.next";

  /** Every key the log has signed with, oldest first: what verifiers pin after a rotation. */
  public static final String KEYS_FILE = "log-keys.pub";

  /** Longest wait for one PostgreSQL log operation (the integrator lock included). */
  static final Duration POSTGRES_TIMEOUT = Duration.ofSeconds(30);

  private final MerkleLog log;
  private volatile Ed25519Signer signer;
  private volatile LogKeys keys;
  private final DataDir dir;
  private final TileStore reader;
  private final boolean shared;
  private final AutoCloseable owned;
  private final Path root;

  private AuditLog(
      DataDir dir,
      MerkleLog log,
      Ed25519Signer signer,
      TileStore reader,
      boolean shared,
      AutoCloseable owned,
      Path root) {
    this.dir = dir;
    this.root = root;
    this.log = log;
    this.signer = signer;
    this.keys = loadKeys(dir, signer);
    this.reader = reader;
    this.shared = shared;
    this.owned = owned;
  }

  /**
   * Opens (creating if needed) the log and its key.
   *
   * @param dir the data directory
   * @param origin the log's origin line, e.g. {@code sovereign.example/log}
   * @param config group-commit settings
   * @param promise whether to journal entries so that {@link #appendPromised} can answer with a
   *     promise before the proof ({@code attestation.proof: async})
   */
  public static AuditLog open(DataDir dir, String origin, LogConfig config, boolean promise) {
    Ed25519Signer signer = completeRotation(dir, signer(dir, origin));
    FileTileStore store = FileTileStore.open(dir.resolve("log"));
    return new AuditLog(
        dir,
        promise
            ? MerkleLog.openJournaled(store, signer, config)
            : MerkleLog.open(store, signer, config),
        signer,
        FileTileStore.openReadOnly(dir.resolve("log")),
        false,
        () -> {},
        dir.resolve("log"));
  }

  /**
   * Opens (creating if needed) the log shared by every replica in PostgreSQL, signed by {@code
   * <data-dir>/log.key} (which every replica must hold).
   *
   * @param dir the data directory (for the key)
   * @param origin the log's origin line
   * @param config group-commit settings
   * @param db the database, schema migrated; the log owns it from now on and closes it last
   * @throws ConfigException when the stored log was created with another key or origin
   */
  public static AuditLog openShared(
      DataDir dir, String origin, LogConfig config, PostgresDatabase db) {
    try {
      Ed25519Signer signer = signer(dir, origin);
      PostgresTileStore store = PostgresTileStore.create(db, POSTGRES_TIMEOUT);
      MerkleLog log;
      try {
        log = MerkleLog.open(store, signer, config);
      } catch (io.sovereignrouter.attestation.LogStorageException e) {
        if (e.getMessage().startsWith("stored checkpoint does not verify")) {
          throw new ConfigException(
              "the PostgreSQL audit log was created with another log key or origin than "
                  + dir.resolve(KEY_FILE)
                  + " ("
                  + e.getMessage()
                  + "); every replica needs the same log.key",
              e);
        }
        throw e;
      }
      return new AuditLog(dir, log, signer, store, true, db, dir.resolve("log"));
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  private static Ed25519Signer signer(DataDir dir, String origin) {
    String privateKey =
        dir.secret(
                KEY_FILE,
                () -> Ed25519Signer.generate(origin, new SecureRandom()).formatPrivateKey())
            .value();
    Ed25519Signer signer = Ed25519Signer.parse(privateKey);
    if (!signer.name().equals(origin)) {
      throw new io.sovereignrouter.gateway.config.ConfigException(
          "attestation.origin is '"
              + origin
              + "' but "
              + dir.resolve(KEY_FILE)
              + " belongs to '"
              + signer.name()
              + "'; a log's origin cannot change");
    }
    dir.writePublic(PUBLIC_KEY_FILE, signer.verifierKey().format());
    return signer;
  }

  /**
   * Appends one entry; completes on the caller's context once the entry is durable and proven. A
   * full queue is answered 503 with {@code Retry-After}.
   */
  public Future<AppendResult> append(Vertx vertx, byte[] entry) {
    return pushback(Future.fromCompletionStage(log.append(entry), vertx.getOrCreateContext()));
  }

  // A full queue is the client's cue to retry (503), not a server fault.
  private static <T> Future<T> pushback(Future<T> appended) {
    return appended.recover(
        e -> {
          Throwable cause =
              e instanceof java.util.concurrent.CompletionException c ? c.getCause() : e;
          if (cause instanceof LogPushbackException) {
            return Future.failedFuture(
                ApiException.of(
                        503,
                        "server_error",
                        "The audit log is saturated; retry shortly.",
                        null,
                        "log_busy")
                    .withHeader("Retry-After", "1"));
          }
          return Future.failedFuture(cause);
        });
  }

  /**
   * Appends one entry to a journaled log; completes on the caller's context with the signed promise
   * of its index once the entry is durable in the journal. The proof follows in the background; a
   * failure there stops the log, and the journal keeps the promise across restarts.
   */
  public Future<SignedPromise> appendPromised(Vertx vertx, byte[] entry) {
    MerkleLog.PromisedAppend append = log.appendPromised(entry);
    append.proven().exceptionally(failure -> null); // surfaced to later appends as a stopped log
    return pushback(Future.fromCompletionStage(append.promised(), vertx.getOrCreateContext()))
        .map(p -> new SignedPromise(p, InclusionPromises.sign(p, signer).format()));
  }

  /**
   * A promise of inclusion and its signed-note form.
   *
   * @param promise what was promised
   * @param signedNote the note signed by the log key, as attestations carry it
   */
  public record SignedPromise(InclusionPromise promise, String signedNote) {}

  /** Whether appends answer with a promise ({@code attestation.proof: async}). */
  public boolean promises() {
    return log.journaled();
  }

  /**
   * What a log key rotation did.
   *
   * @param logIndex index of the rotation record in the log
   * @param previous the key used until the rotation
   * @param next the key used from now on
   * @param keys every key the log has signed with ({@code log-keys.pub})
   */
  public record KeyRotation(
      long logIndex, NoteVerifierKey previous, NoteVerifierKey next, LogKeys keys) {}

  /**
   * Rotates the log's signing key online: writes a new key to {@code log.key.next}, appends a
   * rotation record signed by both keys, whose checkpoint both keys sign, after which checkpoints
   * and attestations are signed by the new key only; then the new key replaces {@code log.key} and
   * joins {@code log-keys.pub}. Requests in flight keep being served throughout. A crash in between
   * is resolved at the next start (the new key is adopted if the log already uses it). Fails with
   * {@link IllegalStateException} over a shared log or while another rotation runs.
   */
  public Future<KeyRotation> rotateKey(Vertx vertx) {
    if (shared) {
      return Future.failedFuture(
          new IllegalStateException(
              "online log key rotation needs the file log: replicas sharing a PostgreSQL log"
                  + " would all need the new key at once"));
    }
    Ed25519Signer previous = signer;
    Ed25519Signer next = Ed25519Signer.generate(previous.name(), new SecureRandom());
    io.vertx.core.Context context = vertx.getOrCreateContext();
    return vertx
        .executeBlocking(
            () -> {
              dir.writeSecret(NEXT_KEY_FILE, next.formatPrivateKey());
              JsonObject fields =
                  new JsonObject()
                      .put("previous_key", previous.verifierKey().format())
                      .put("new_key", next.verifierKey().format());
              return Envelopes.format(
                  Statements.sign(
                      AuditEvents.statement("log_key.rotated", fields), List.of(previous, next)));
            },
            false)
        .compose(entry -> Future.fromCompletionStage(log.appendRotation(entry, next), context))
        .compose(
            result ->
                vertx.executeBlocking(
                    () -> {
                      adopt(next);
                      return new KeyRotation(
                          result.index(), previous.verifierKey(), next.verifierKey(), keys);
                    },
                    false));
  }

  // The log signs with next now: make it the key on disk and the one signing envelopes.
  private void adopt(Ed25519Signer next) {
    keys = adoptNextKey(dir, keys, next);
    signer = next;
  }

  private static LogKeys adoptNextKey(DataDir dir, LogKeys keys, Ed25519Signer next) {
    LogKeys all = keys.keys().contains(next.verifierKey()) ? keys : keys.with(next.verifierKey());
    dir.writePublic(KEYS_FILE, all.format().strip());
    dir.rename(NEXT_KEY_FILE, KEY_FILE);
    dir.writePublic(PUBLIC_KEY_FILE, next.verifierKey().format());
    return all;
  }

  /**
   * Finishes a rotation a crash interrupted: adopts {@code log.key.next} if the stored checkpoint
   * is signed by it (the log already switched), else discards it (the switch never happened).
   */
  private static Ed25519Signer completeRotation(DataDir dir, Ed25519Signer current) {
    Optional<String> pending = dir.readSecret(NEXT_KEY_FILE);
    if (pending.isEmpty()) {
      return current;
    }
    Ed25519Signer next = Ed25519Signer.parse(pending.get());
    TileStore stored = FileTileStore.openReadOnly(dir.resolve("log"));
    boolean switched =
        stored
            .readCheckpoint()
            .map(
                cp ->
                    Checkpoints.open(cp, next.verifierKey())
                        instanceof CheckpointVerification.Valid)
            .orElse(false);
    if (!switched) {
      try {
        java.nio.file.Files.deleteIfExists(dir.resolve(NEXT_KEY_FILE));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return current;
    }
    adoptNextKey(dir, loadKeys(dir, current), next);
    return next;
  }

  // log-keys.pub, created with the current key, and always ending with it.
  private static LogKeys loadKeys(DataDir dir, Ed25519Signer current) {
    LogKeys keys;
    try {
      Path file = dir.resolve(KEYS_FILE);
      keys =
          java.nio.file.Files.exists(file)
              ? LogKeys.parse(java.nio.file.Files.readString(file))
              : LogKeys.of(current.verifierKey());
    } catch (java.io.IOException | io.sovereignrouter.attestation.FormatException e) {
      throw new ConfigException("cannot read " + dir.resolve(KEYS_FILE) + ": " + e.getMessage());
    }
    if (!keys.keys().contains(current.verifierKey())) {
      keys = keys.with(current.verifierKey());
    }
    dir.writePublic(KEYS_FILE, keys.format().strip());
    return keys;
  }

  /**
   * Every key the log has signed with, oldest first ({@code log-keys.pub}).
   *
   * @return the keys
   */
  public LogKeys keys() {
    return keys;
  }

  /** Signs DSSE envelopes and checkpoints. */
  public Ed25519Signer signer() {
    return signer;
  }

  /** The public key verifiers pin. */
  public NoteVerifierKey verifierKey() {
    return signer.verifierKey();
  }

  /** The latest signed checkpoint. */
  public SignedCheckpoint checkpoint() {
    return log.checkpoint();
  }

  /**
   * The directory of the file-backed log ({@code <data-dir>/log}); empty of tiles when the log is
   * in PostgreSQL. Servers read through {@link #tile}, not this directory.
   *
   * @return the directory
   */
  public Path root() {
    return root;
  }

  /**
   * Reads a tile or entry bundle on a worker thread (the caller checks it is within a published
   * checkpoint).
   *
   * @param vertx for the worker pool
   * @param path the resource
   * @return its bytes, empty when not stored
   */
  public Future<Optional<byte[]>> tile(Vertx vertx, TilePath path) {
    return vertx.executeBlocking(() -> reader.read(path), false);
  }

  /**
   * The attestation of entry {@code index} against the current checkpoint (blocking: reads tiles).
   *
   * @throws IllegalArgumentException when the index is beyond the published tree
   */
  public JsonObject describe(long index) {
    SignedCheckpoint current = awaitPublished(index);
    long size = current.checkpoint().size();
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException(
          "index " + index + " is not in the published tree of size " + size);
    }
    InclusionReceipt receipt =
        new InclusionReceipt(
            log.inclusionProof(index, size), current.checkpoint().rootHash(), current);
    return Attester.describe(log.entry(index), receipt);
  }

  // Another replica may have logged the entry (an idle log picks up its checkpoint within
  // SHARED_REFRESH_MILLIS), or a promised entry may still be integrating: wait a little for it
  // rather than answer "not in the tree".
  private SignedCheckpoint awaitPublished(long index) {
    SignedCheckpoint current = log.checkpoint();
    long deadline =
        System.nanoTime() + Duration.ofMillis(2 * MerkleLog.SHARED_REFRESH_MILLIS).toNanos();
    while ((shared || log.journaled())
        && index >= current.checkpoint().size()
        && System.nanoTime() < deadline) {
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      current = log.checkpoint();
    }
    return current;
  }

  /** The stored entry at {@code index} (blocking). */
  public byte[] entry(long index) {
    return log.entry(index);
  }

  /** An inclusion proof of {@code index} in the tree of {@code treeSize} (blocking). */
  public io.sovereignrouter.attestation.InclusionProof inclusionProof(long index, long treeSize) {
    return log.inclusionProof(index, treeSize);
  }

  /**
   * Closes the log, then the database it owns. Safe after Vert.x closed: with PostgreSQL, entries
   * still queued then fail (they were never acknowledged) instead of being integrated.
   */
  @Override
  public void close() {
    try {
      log.close();
    } finally {
      reader.close();
      try {
        owned.close();
      } catch (Exception e) {
        // Closing a pool has nothing useful to report at shutdown.
      }
    }
  }
}
