package io.sovereignrouter.attestation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CheckpointTest {
  private static final String ROOT = Hash.ofLeaf(new byte[0]).format();
  private static final Ed25519Signer KEY =
      Ed25519Signer.generate("sovereign.example/log", new SecureRandom());

  @Test
  void parse_roundTrips() {
    String text = "sovereign.example/log\n42\n" + ROOT + "\n";
    Checkpoint cp = Checkpoint.parse(text);
    assertThat(cp).isEqualTo(Checkpoint.of("sovereign.example/log", 42, Hash.parse(ROOT)));
    assertThat(cp.format()).isEqualTo(text);
    String withExt = "o\n0\n" + ROOT + "\next one\n";
    assertThat(Checkpoint.parse(withExt).extensions()).containsExactly("ext one");
    assertThat(Checkpoint.parse(withExt).format()).isEqualTo(withExt);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "o\n042\nROOT\n",
        "o\n-1\nROOT\n",
        "o\n+1\nROOT\n",
        "o\n1\nROOT",
        "\n1\nROOT\n",
        "o\n1\n",
        "o\n1\nROOT\n\n",
        "o\n99999999999999999999\nROOT\n",
        "o\n1\nbm90IGEgaGFzaA==\n",
        "o\n1 \nROOT\n",
      })
  void parse_rejectsMalformed(String template) {
    String text = template.replace("ROOT", ROOT);
    assertThatThrownBy(() -> Checkpoint.parse(text)).isInstanceOf(FormatException.class);
  }

  @Test
  void open_verifiesSignedCheckpoint() {
    SignedCheckpoint signed = Checkpoints.sign(Checkpoint.of(KEY.name(), 7, Hash.parse(ROOT)), KEY);
    CheckpointVerification got = Checkpoints.open(signed.bytes(), KEY.verifierKey());
    assertThat(got).isEqualTo(new CheckpointVerification.Valid(signed));
  }

  @Test
  void open_wrongOriginIsInvalid() {
    SignedCheckpoint signed =
        Checkpoints.sign(Checkpoint.of("other/log", 7, Hash.parse(ROOT)), KEY);
    assertThat(Checkpoints.open(signed.bytes(), KEY.verifierKey()))
        .isInstanceOf(CheckpointVerification.Invalid.class);
  }

  @Test
  void open_anyFlippedByteFails() {
    byte[] good =
        Checkpoints.sign(Checkpoint.of(KEY.name(), 123456, Hash.parse(ROOT)), KEY).bytes();
    for (int i = 0; i < good.length; i++) {
      for (int bit : new int[] {0x01, 0x80}) {
        byte[] bad = good.clone();
        bad[i] ^= (byte) bit;
        assertThat(opens(bad)).as("byte %d bit %x", i, bit).isFalse();
      }
    }
    assertThat(opens(good)).isTrue();
  }

  @Test
  void forked_sameSizeDifferentRoot() {
    Checkpoint a = Checkpoint.of("o", 5, Hash.parse(ROOT));
    Checkpoint b = Checkpoint.of("o", 5, Hash.EMPTY);
    assertThat(Checkpoints.forked(a, b)).isTrue();
    assertThat(Checkpoints.forked(a, a)).isFalse();
    assertThat(Checkpoints.forked(a, Checkpoint.of("o", 6, Hash.EMPTY))).isFalse();
  }

  private static boolean opens(byte[] note) {
    try {
      return Checkpoints.open(note, KEY.verifierKey()) instanceof CheckpointVerification.Valid;
    } catch (FormatException e) {
      return false;
    }
  }

  @Test
  void signedCheckpoint_rejectsMismatchedNote() {
    Note note = Notes.sign("o\n1\n" + ROOT + "\n", KEY);
    assertThatThrownBy(() -> new SignedCheckpoint(Checkpoint.of("o", 2, Hash.parse(ROOT)), note))
        .isInstanceOf(FormatException.class);
    assertThat(
            new String(
                new SignedCheckpoint(Checkpoint.parse(note.text()), note).bytes(),
                StandardCharsets.UTF_8))
        .isEqualTo(note.format());
    assertThat(List.of(note.signatures().get(0).name())).containsExactly(KEY.name());
  }
}
