package io.sovereignrouter.attestation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InclusionPromisesTest {
  private static final Ed25519Signer KEY =
      Ed25519Signer.generate("sovereign.example/log", new SecureRandom());
  private static final byte[] ENTRY = "an envelope".getBytes(StandardCharsets.UTF_8);
  private static final InclusionPromise PROMISE =
      new InclusionPromise(
          KEY.name(), 42, Hash.ofLeaf(ENTRY), Instant.ofEpochSecond(1_800_000_000));
  private static final String SIGNED = InclusionPromises.sign(PROMISE, KEY).format();

  @Test
  void aSignedPromiseVerifiesForItsEntryAndIndexOnly() {
    assertThat(InclusionPromises.verify(SIGNED, KEY.verifierKey(), ENTRY, 42).ok()).isTrue();
    assertThat(InclusionPromises.read(SIGNED)).isEqualTo(PROMISE);
    assertThat(InclusionPromises.verify(SIGNED, KEY.verifierKey(), ENTRY, 43).message())
        .contains("for index 42");
    assertThat(
            InclusionPromises.verify(SIGNED, KEY.verifierKey(), "other".getBytes(), 42).message())
        .contains("envelope is leaf");
    Ed25519Signer other = Ed25519Signer.generate(KEY.name(), new SecureRandom());
    assertThat(InclusionPromises.verify(SIGNED, other.verifierKey(), ENTRY, 42).message())
        .contains("no signature by a trusted key");
  }

  @Test
  void flippingAnyByteBreaksIt() {
    byte[] bytes = SIGNED.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      byte[] copy = bytes.clone();
      copy[i] ^= 0x01;
      String tampered = new String(copy, StandardCharsets.ISO_8859_1);
      assertThat(InclusionPromises.verify(tampered, KEY.verifierKey(), ENTRY, 42).ok())
          .as("byte %d", i)
          .isFalse();
    }
  }

  @Test
  void aPromiseIsNeverACheckpoint() {
    // Same key signs both: the promise's text must not open as a checkpoint of the log.
    assertThat(Checkpoints.open(SIGNED.getBytes(StandardCharsets.UTF_8), KEY.verifierKey()))
        .isInstanceOf(CheckpointVerification.Invalid.class);
  }

  @Test
  void signingForAnotherOriginIsRefused() {
    InclusionPromise foreign =
        new InclusionPromise("other.example/log", 1, Hash.EMPTY, Instant.EPOCH);
    assertThatThrownBy(() -> InclusionPromises.sign(foreign, KEY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> InclusionPromise.parse(PROMISE.format().replace("\n42\n", "\n042\n")))
        .isInstanceOf(FormatException.class);
  }
}
