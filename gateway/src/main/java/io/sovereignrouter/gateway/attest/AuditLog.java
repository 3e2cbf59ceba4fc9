package io.sovereignrouter.gateway.attest;

import io.sovereignrouter.attestation.AppendResult;
import io.sovereignrouter.attestation.Ed25519Signer;
import io.sovereignrouter.attestation.FileTileStore;
import io.sovereignrouter.attestation.InclusionReceipt;
import io.sovereignrouter.attestation.LogConfig;
import io.sovereignrouter.attestation.LogPushbackException;
import io.sovereignrouter.attestation.MerkleLog;
import io.sovereignrouter.attestation.NoteVerifierKey;
import io.sovereignrouter.attestation.SignedCheckpoint;
import io.sovereignrouter.gateway.DataDir;
import io.sovereignrouter.gateway.http.ApiException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * The gateway's append-only audit log: the attestation module's {@link MerkleLog} in {@code
 * <data-dir>/log}, signed by the Ed25519 key in {@code <data-dir>/log.key} (created 0600 on first
 * start; its public verifier key is written to {@code log.pub}). The same key signs the DSSE
 * envelopes, so a verifier needs only {@code log.pub}.
 */
public final class AuditLog implements AutoCloseable {
  static final String KEY_FILE = "log.key";
  static final String PUBLIC_KEY_FILE = "log.pub";
  private final MerkleLog log;
  private final Ed25519Signer signer;
  private final Path root;

  private AuditLog(MerkleLog log, Ed25519Signer signer, Path root) {
    this.log = log;
    this.signer = signer;
    this.root = root;
  }

  /**
   * Opens (creating if needed) the log and its key.
   *
   * @param dir the data directory
   * @param origin the log's origin line, e.g. {@code sovereign.example/log}
   */
  public static AuditLog open(DataDir dir, String origin, LogConfig config) {
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
    Path root = dir.resolve("log");
    return new AuditLog(MerkleLog.open(FileTileStore.open(root), signer, config), signer, root);
  }

  /**
   * Appends one entry; completes on the caller's context once the entry is durable and proven. A
   * full queue is answered 503 with {@code Retry-After}.
   */
  public Future<AppendResult> append(Vertx vertx, byte[] entry) {
    io.vertx.core.Context context = vertx.getOrCreateContext();
    return Future.fromCompletionStage(log.append(entry), context)
        .recover(
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

  /** The tile directory served at {@code /log/}. */
  public Path root() {
    return root;
  }

  /**
   * The attestation of entry {@code index} against the current checkpoint (blocking: reads tiles).
   *
   * @throws IllegalArgumentException when the index is beyond the published tree
   */
  public JsonObject describe(long index) {
    SignedCheckpoint current = log.checkpoint();
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

  /** The stored entry at {@code index} (blocking). */
  public byte[] entry(long index) {
    return log.entry(index);
  }

  /** An inclusion proof of {@code index} in the tree of {@code treeSize} (blocking). */
  public io.sovereignrouter.attestation.InclusionProof inclusionProof(long index, long treeSize) {
    return log.inclusionProof(index, treeSize);
  }

  @Override
  public void close() {
    log.close();
  }
}
