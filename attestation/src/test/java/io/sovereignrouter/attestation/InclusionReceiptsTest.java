package io.sovereignrouter.attestation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Offline verification of an attestation: envelope + receipt, and tampering with either. */
class InclusionReceiptsTest {
  private static final Ed25519Signer LOG_KEY =
      Ed25519Signer.generate("sovereign.example/log", new SecureRandom());
  private static final Ed25519Signer ATTEST_KEY =
      Ed25519Signer.generate("sovereign.example/attest", new SecureRandom());

  @TempDir Path dir;
  private byte[] envelope;
  private byte[] receipt;

  @BeforeEach
  void writeLog() throws Exception {
    try (MerkleLog log =
        MerkleLog.open(
            FileTileStore.open(dir), LOG_KEY, new LogConfig(Duration.ofMillis(1), 16, 100))) {
      for (int i = 0; i < 10; i++) {
        log.append(("filler-" + i).getBytes(StandardCharsets.UTF_8)).get();
      }
      envelope = Envelopes.format(Statements.sign(DsseTest.statement(), ATTEST_KEY));
      receipt = InclusionReceipts.format(InclusionReceipt.of(log.append(envelope).get()));
    }
  }

  @Test
  void receipt_roundTripsAndVerifies() {
    InclusionReceipt r = InclusionReceipts.parse(receipt);
    assertThat(InclusionReceipts.format(r)).isEqualTo(receipt);
    assertThat(r.proof().leafIndex()).isEqualTo(10);
    assertThat(new String(receipt, StandardCharsets.UTF_8))
        .startsWith("{\"log_index\":10,\"tree_size\":11,\"root_hash\":\"");
    assertThat(verifies(envelope, receipt)).isTrue();
  }

  @Test
  void tamper_anyByteOfEnvelopeOrReceiptFails() {
    for (int i = 0; i < envelope.length; i++) {
      byte[] bad = envelope.clone();
      bad[i] ^= 0x01;
      assertThat(verifies(bad, receipt)).as("envelope byte %d", i).isFalse();
    }
    for (int i = 0; i < receipt.length; i++) {
      byte[] bad = receipt.clone();
      bad[i] ^= 0x01;
      assertThat(verifies(envelope, bad)).as("receipt byte %d", i).isFalse();
    }
  }

  @Test
  void verify_otherLogKeyFails() {
    Ed25519Signer other = Ed25519Signer.generate(LOG_KEY.name(), new SecureRandom());
    assertThat(
            InclusionReceipts.verify(
                InclusionReceipts.parse(receipt), envelope, other.verifierKey()))
        .isInstanceOf(Verification.Invalid.class);
  }

  /** The whole offline check a client runs: envelope signature, then the log receipt. */
  private static boolean verifies(byte[] envelopeBytes, byte[] receiptBytes) {
    try {
      Envelope e = Envelopes.parse(envelopeBytes);
      Statements.parse(e.payload());
      return Envelopes.verify(e, ATTEST_KEY.verifierKey()).ok()
          && InclusionReceipts.verify(
                  InclusionReceipts.parse(receiptBytes), envelopeBytes, LOG_KEY.verifierKey())
              .ok();
    } catch (FormatException e) {
      return false;
    }
  }
}
