package io.sovereignrouter.attestation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sovereignrouter.attestation.AttestationVerification.Kind;
import io.sovereignrouter.attestation.internal.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rotating the log key: the checkpoint covering the rotation record is signed by both keys, later
 * ones by the new key only, and a verifier holding both keys verifies across the boundary.
 */
class LogKeyRotationTest {
  private static final String ORIGIN = "sovereign.example/log";
  private static final LogConfig CONFIG = new LogConfig(Duration.ofMillis(1), 64, 1000);
  private final Ed25519Signer oldKey = Ed25519Signer.generate(ORIGIN, new SecureRandom());
  private final Ed25519Signer newKey = Ed25519Signer.generate(ORIGIN, new SecureRandom());
  private final LogKeys both = LogKeys.of(oldKey.verifierKey()).with(newKey.verifierKey());

  @TempDir Path dir;

  private static byte[] entry(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private byte[] rotationRecord() {
    return Envelopes.format(
        Envelopes.sign("application/vnd.test+json", entry("rotate"), List.of(oldKey, newKey)));
  }

  private static boolean opens(SignedCheckpoint cp, LogKeys keys) {
    return Checkpoints.open(cp.bytes(), keys) instanceof CheckpointVerification.Valid;
  }

  @Test
  void checkpoints_areCosignedAtTheBoundary_thenSignedByTheNewKeyOnly() throws Exception {
    AppendResult before;
    AppendResult boundary;
    AppendResult after;
    try (MerkleLog log = MerkleLog.open(FileTileStore.open(dir), oldKey, CONFIG)) {
      before = log.append(entry("before")).get();
      boundary = log.appendRotation(rotationRecord(), newKey).get();
      assertThat(log.verifierKey()).isEqualTo(newKey.verifierKey());
      after = log.append(entry("after")).get();
    }
    LogKeys oldOnly = LogKeys.of(oldKey.verifierKey());
    LogKeys newOnly = LogKeys.of(newKey.verifierKey());
    assertThat(opens(before.checkpoint(), oldOnly)).isTrue();
    assertThat(opens(before.checkpoint(), newOnly)).isFalse();
    assertThat(boundary.checkpoint().note().signatures()).hasSize(2);
    assertThat(opens(boundary.checkpoint(), oldOnly)).isTrue();
    assertThat(opens(boundary.checkpoint(), newOnly)).isTrue();
    assertThat(opens(after.checkpoint(), oldOnly)).isFalse();
    assertThat(opens(after.checkpoint(), both)).isTrue();

    // The log is one tree across the boundary.
    try (MerkleLog log = MerkleLog.open(FileTileStore.open(dir), newKey, CONFIG)) {
      Checkpoint old = before.checkpoint().checkpoint();
      Checkpoint now = log.checkpoint().checkpoint();
      assertThat(
              Checkpoints.consistent(old, now, log.consistencyProof(old.size(), now.size())).ok())
          .isTrue();
      assertThat(log.entry(after.index())).isEqualTo(entry("after"));
    }
    // After the rotation the old key alone no longer opens the log.
    assertThatThrownBy(() -> MerkleLog.open(FileTileStore.open(dir), oldKey, CONFIG))
        .isInstanceOf(LogStorageException.class)
        .hasMessageContaining("does not verify");
    assertThat(LogAuditor.audit(FileTileStore.openReadOnly(dir), newKey.verifierKey()).ok())
        .isTrue();
  }

  @Test
  void attestations_fromBothSidesOfTheBoundary_verifyWithBothKeys() throws Exception {
    ObjectNode early;
    ObjectNode late;
    try (MerkleLog log = MerkleLog.openJournaled(FileTileStore.open(dir), oldKey, CONFIG)) {
      early = attest(log, oldKey);
      log.appendRotation(rotationRecord(), newKey).get();
      late = attest(log, newKey);
      log.append(entry("more")).get();
    }
    LogSource source = LogSource.directory(dir);
    AttestationVerifier withBoth = AttestationVerifier.of(both);
    assertThat(withBoth.verify(Json.write(early), source).ok()).isTrue();
    assertThat(withBoth.verify(Json.write(late), source).ok()).isTrue();

    AttestationVerification oldOnly =
        AttestationVerifier.of(oldKey.verifierKey()).verify(Json.write(early), source);
    assertThat(oldOnly.failure().orElseThrow().kind()).isEqualTo(Kind.CURRENT_CHECKPOINT);
    AttestationVerification newOnly =
        AttestationVerifier.of(newKey.verifierKey()).verify(Json.write(early));
    assertThat(newOnly.failure().orElseThrow().kind()).isEqualTo(Kind.ENVELOPE_SIGNATURE);
  }

  private static ObjectNode attest(MerkleLog log, Signer key) throws Exception {
    Envelope envelope = AttestationVerifierTest.sign(AttestationVerifierTest.predicate(), key);
    AppendResult r = log.append(Envelopes.format(envelope)).get();
    return AttestationVerifierTest.describe(envelope, InclusionReceipt.of(r));
  }

  @Test
  void rotation_isRefusedForTheSameKeyAnotherLogOrASharedStore() {
    try (MerkleLog log = MerkleLog.open(FileTileStore.open(dir), oldKey, CONFIG)) {
      assertThatThrownBy(() -> log.appendRotation(rotationRecord(), oldKey))
          .isInstanceOf(IllegalArgumentException.class);
      Ed25519Signer other = Ed25519Signer.generate("other.example/log", new SecureRandom());
      assertThatThrownBy(() -> log.appendRotation(rotationRecord(), other))
          .isInstanceOf(IllegalArgumentException.class);
    }
    try (MerkleLog shared =
        MerkleLog.open(new InMemorySharedTileStore(1, 0).view(), oldKey, CONFIG)) {
      assertThatThrownBy(() -> shared.appendRotation(rotationRecord(), newKey))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("every process stopped");
    }
  }

  @Test
  void logKeys_textFormRoundTrips_andRejectsMixedLogs() {
    String text = "# log keys, oldest first\n" + both.format() + "\n";
    assertThat(LogKeys.parse(text)).isEqualTo(both);
    assertThat(LogKeys.parse(text).current()).isEqualTo(newKey.verifierKey());
    Ed25519Signer other = Ed25519Signer.generate("other.example/log", new SecureRandom());
    assertThatThrownBy(() -> LogKeys.parse(both.format() + other.verifierKey().format()))
        .isInstanceOf(FormatException.class);
    assertThatThrownBy(() -> LogKeys.parse("# nothing\n")).isInstanceOf(FormatException.class);
  }
}
