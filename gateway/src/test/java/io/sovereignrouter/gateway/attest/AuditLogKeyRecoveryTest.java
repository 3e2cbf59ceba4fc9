package io.sovereignrouter.gateway.attest;

import static org.assertj.core.api.Assertions.assertThat;

import io.sovereignrouter.attestation.Ed25519Signer;
import io.sovereignrouter.attestation.LogConfig;
import io.sovereignrouter.attestation.LogKeys;
import io.sovereignrouter.gateway.DataDir;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A log key rotation interrupted by a crash is settled at the next start: the new key is adopted
 * when the stored checkpoint is already signed by it, and discarded when it never signed.
 */
class AuditLogKeyRecoveryTest {
  private static final String ORIGIN = "sovereign-router.local/log";
  private static final LogConfig CONFIG = new LogConfig(Duration.ZERO, 64, 1000);

  @TempDir Path root;
  private Vertx vertx;
  private DataDir dir;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    dir = DataDir.open(root);
  }

  @AfterEach
  void stop() {
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  private String read(String name) throws Exception {
    return Files.readString(root.resolve(name)).strip();
  }

  private static byte[] entry(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void crashAfterTheSwitchBeforeTheRename_adoptsTheNewKeyAtStart() throws Exception {
    String oldPrivate;
    String oldPublic;
    String newPrivate;
    try (AuditLog log = AuditLog.open(dir, ORIGIN, CONFIG, false)) {
      oldPrivate = read(AuditLog.KEY_FILE);
      oldPublic = read(AuditLog.PUBLIC_KEY_FILE);
      log.append(vertx, entry("before")).toCompletionStage().toCompletableFuture().get();
      log.rotateKey(vertx).toCompletionStage().toCompletableFuture().get();
      log.append(vertx, entry("after")).toCompletionStage().toCompletableFuture().get();
      newPrivate = read(AuditLog.KEY_FILE);
    }
    // As if the process died after the cosigned checkpoint, before the key files moved.
    Files.writeString(root.resolve(AuditLog.KEY_FILE), oldPrivate + "\n");
    Files.writeString(root.resolve(AuditLog.NEXT_KEY_FILE), newPrivate + "\n");
    Files.writeString(root.resolve(AuditLog.PUBLIC_KEY_FILE), oldPublic + "\n");
    Files.writeString(root.resolve(AuditLog.KEYS_FILE), oldPublic + "\n");

    try (AuditLog log = AuditLog.open(dir, ORIGIN, CONFIG, false)) {
      String newPublic = Ed25519Signer.parse(newPrivate).verifierKey().format();
      assertThat(log.verifierKey().format()).isEqualTo(newPublic);
      assertThat(read(AuditLog.KEY_FILE)).isEqualTo(newPrivate);
      assertThat(read(AuditLog.PUBLIC_KEY_FILE)).isEqualTo(newPublic);
      assertThat(LogKeys.parse(read(AuditLog.KEYS_FILE)).keys())
          .extracting(k -> k.format())
          .containsExactly(oldPublic, newPublic);
      assertThat(Files.exists(root.resolve(AuditLog.NEXT_KEY_FILE))).isFalse();
      assertThat(
              log.append(vertx, entry("again"))
                  .toCompletionStage()
                  .toCompletableFuture()
                  .get()
                  .index())
          .isEqualTo(3);
    }
  }

  @Test
  void aNextKeyThatNeverSigned_isDiscardedAtStart() throws Exception {
    String key;
    try (AuditLog log = AuditLog.open(dir, ORIGIN, CONFIG, false)) {
      log.append(vertx, entry("one")).toCompletionStage().toCompletableFuture().get();
      key = read(AuditLog.KEY_FILE);
    }
    // As if the process died after writing the next key, before the rotation record was logged.
    Ed25519Signer unused = Ed25519Signer.generate(ORIGIN, new SecureRandom());
    Files.writeString(root.resolve(AuditLog.NEXT_KEY_FILE), unused.formatPrivateKey() + "\n");
    try (AuditLog log = AuditLog.open(dir, ORIGIN, CONFIG, false)) {
      assertThat(read(AuditLog.KEY_FILE)).isEqualTo(key);
      assertThat(Files.exists(root.resolve(AuditLog.NEXT_KEY_FILE))).isFalse();
      assertThat(LogKeys.parse(read(AuditLog.KEYS_FILE)).keys()).containsExactly(log.verifierKey());
    }
  }
}
