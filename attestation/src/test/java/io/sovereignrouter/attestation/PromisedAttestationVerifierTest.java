package io.sovereignrouter.attestation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sovereignrouter.attestation.AttestationVerification.Check;
import io.sovereignrouter.attestation.AttestationVerification.Kind;
import io.sovereignrouter.attestation.internal.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An attestation answered before its proof ({@code attestation.proof: async}) carries a signed
 * inclusion promise: it verifies only against a log that holds its envelope at the promised index.
 */
class PromisedAttestationVerifierTest {
  private static final String ORIGIN = "sovereign.example/log";
  private static final Ed25519Signer LOG_KEY = Ed25519Signer.generate(ORIGIN, new SecureRandom());
  private static final AttestationVerifier VERIFIER = AttestationVerifier.of(LOG_KEY.verifierKey());
  private static final LogConfig CONFIG = new LogConfig(Duration.ofMillis(1), 64, 1000);

  @TempDir static Path dir;
  private static Path logDir;
  private static Path before;
  private static Envelope envelope;
  private static ObjectNode attestation;

  @BeforeAll
  static void writeLog() throws Exception {
    logDir = dir.resolve("log");
    before = dir.resolve("before");
    try (MerkleLog log = MerkleLog.openJournaled(FileTileStore.open(logDir), LOG_KEY, CONFIG)) {
      for (int i = 0; i < 300; i++) {
        log.append(("filler-" + i).getBytes(StandardCharsets.UTF_8)).get();
      }
      AttestationVerifierTest.copy(logDir, before);
      envelope = AttestationVerifierTest.sign(AttestationVerifierTest.predicate(), LOG_KEY);
      MerkleLog.PromisedAppend append = log.appendPromised(Envelopes.format(envelope));
      attestation = promised(envelope, append.promised().get());
      append.proven().get();
      for (int i = 0; i < 20; i++) {
        log.append(("later-" + i).getBytes(StandardCharsets.UTF_8)).get();
      }
    }
  }

  /** What the gateway answers in async mode: predicate members, index, envelope, promise. */
  private static ObjectNode promised(Envelope envelope, InclusionPromise promise) {
    ObjectNode out = ((ObjectNode) Statements.parse(envelope.payload()).predicate()).deepCopy();
    out.put("rekor_index", promise.index());
    out.set("envelope", Envelopes.toJson(envelope));
    out.put("inclusion_promise", InclusionPromises.sign(promise, LOG_KEY).format());
    return out;
  }

  private static byte[] bytes(ObjectNode node) {
    return Json.write(node);
  }

  private static Check failure(AttestationVerification v) {
    assertThat(v.ok()).as("verified although it should not: %s", v.checks()).isFalse();
    return v.failure().orElseThrow();
  }

  @Test
  void againstTheLog_aKeptPromiseVerifies() {
    AttestationVerification v = VERIFIER.verify(bytes(attestation), LogSource.directory(logDir));
    assertThat(v.ok()).as("%s", v.checks()).isTrue();
    assertThat(v.checks())
        .extracting(Check::kind)
        .containsExactly(
            Kind.ENVELOPE_SIGNATURE,
            Kind.SIGNED_FIELDS,
            Kind.PROMISE,
            Kind.CURRENT_CHECKPOINT,
            Kind.INCLUSION);
    assertThat(attestation.get("rekor_index").asLong()).isEqualTo(300);
  }

  @Test
  void withoutTheLog_aPromiseIsNotProof() {
    Check failed = failure(VERIFIER.verify(bytes(attestation)));
    assertThat(failed.kind()).isEqualTo(Kind.INCLUSION);
    assertThat(failed.detail()).contains("only promised");
  }

  @Test
  void aLogThatHasNotIntegratedTheIndexFails() {
    Check failed = failure(VERIFIER.verify(bytes(attestation), LogSource.directory(before)));
    assertThat(failed.kind()).isEqualTo(Kind.INCLUSION);
    assertThat(failed.detail()).contains("promised index 300 is not in the log yet (size 300)");
  }

  @Test
  void aLogHoldingAnotherEntryAtThePromisedIndexFails() throws Exception {
    Path broken = dir.resolve("broken-promise");
    AttestationVerifierTest.copy(before, broken);
    try (MerkleLog log = MerkleLog.openJournaled(FileTileStore.open(broken), LOG_KEY, CONFIG)) {
      log.append("someone else".getBytes(StandardCharsets.UTF_8)).get();
    }
    Check failed = failure(VERIFIER.verify(bytes(attestation), LogSource.directory(broken)));
    assertThat(failed.kind()).isEqualTo(Kind.INCLUSION);
  }

  @Test
  void aPromiseForAnotherIndexOrKeyFails() {
    ObjectNode moved = attestation.deepCopy();
    moved.put("rekor_index", 301);
    assertThat(failure(VERIFIER.verify(bytes(moved), LogSource.directory(logDir))).kind())
        .isEqualTo(Kind.PROMISE);

    InclusionPromise other =
        new InclusionPromise(ORIGIN, 300, Hash.ofLeaf(Envelopes.format(envelope)), Instant.now());
    Ed25519Signer impostor = Ed25519Signer.generate(ORIGIN, new SecureRandom());
    ObjectNode forged = attestation.deepCopy();
    forged.put("inclusion_promise", InclusionPromises.sign(other, impostor).format());
    Check failed = failure(VERIFIER.verify(bytes(forged), LogSource.directory(logDir)));
    assertThat(failed.kind()).isEqualTo(Kind.PROMISE);
    assertThat(failed.detail()).contains("no signature by a trusted key");
  }

  @Test
  void aPromiseHasNoProofToExportAsASigstoreBundle() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> SigstoreBundles.bundle(bytes(attestation), LOG_KEY.verifierKey()))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("GET /v1/attestations/");
  }

  @Test
  void anyFlippedByteFails() {
    byte[] good = bytes(attestation);
    LogSource log = LogSource.directory(logDir);
    for (int i = 0; i < good.length; i++) {
      byte[] bad = good.clone();
      bad[i] ^= 0x01;
      assertThat(VERIFIER.verify(bad, log).ok()).as("byte %d", i).isFalse();
    }
  }
}
