package io.sovereignrouter.attestation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Signed notes and keys. The PeterNeumann key, text and signature are the example of
 * golang.org/x/mod/sumdb/note (package documentation of note.go), an independent implementation.
 */
class NoteTest {
  static final String GO_VKEY =
      "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
  static final String GO_SKEY =
      "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
  static final String GO_TEXT =
      "If you think cryptography is the answer to your problem,\n"
          + "then you don't know what your problem is.\n";
  static final String GO_NOTE =
      GO_TEXT
          + "\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

  @Test
  void verifierKey_roundTripsGoVector() {
    NoteVerifierKey key = NoteVerifierKey.parse(GO_VKEY);
    assertThat(key.name()).isEqualTo("PeterNeumann");
    assertThat(Integer.toHexString(key.keyHash())).isEqualTo("c74f20a3");
    assertThat(key.format()).isEqualTo(GO_VKEY);
  }

  @Test
  void signerKey_parsesGoVectorAndRoundTrips() {
    Ed25519Signer signer = Ed25519Signer.parse(GO_SKEY);
    assertThat(signer.verifierKey()).isEqualTo(NoteVerifierKey.parse(GO_VKEY));
    assertThat(signer.formatPrivateKey()).isEqualTo(GO_SKEY);
    assertThat(signer.toString()).doesNotContain("AYEKFALVFGyNhPJEMzD1QIDr");
  }

  @Test
  void sign_reproducesGoSignature() {
    Note note = Notes.sign(GO_TEXT, Ed25519Signer.parse(GO_SKEY));
    assertThat(note.format()).isEqualTo(GO_NOTE);
  }

  @Test
  void open_verifiesGoNote() {
    Note note = Note.parse(GO_NOTE.getBytes(StandardCharsets.UTF_8));
    assertThat(note.format()).isEqualTo(GO_NOTE);
    assertThat(Notes.open(note, List.of(NoteVerifierKey.parse(GO_VKEY))))
        .isInstanceOf(NoteVerification.Verified.class);
  }

  @Test
  void open_tamperedTextIsUnverified() {
    Note note = Note.parse(GO_NOTE.replace("cryptography", "cryptographY"));
    assertThat(Notes.open(note, List.of(NoteVerifierKey.parse(GO_VKEY))))
        .isInstanceOf(NoteVerification.Unverified.class);
  }

  @Test
  void open_unknownSignaturesAreIgnored() {
    Ed25519Signer other = Ed25519Signer.generate("other.example/log", new SecureRandom());
    Note goNote = Note.parse(GO_NOTE);
    List<NoteSignature> sigs = new ArrayList<>(Notes.sign(GO_TEXT, other).signatures());
    sigs.addAll(goNote.signatures());
    Note both = new Note(GO_TEXT, sigs);
    NoteVerification got =
        Notes.open(Note.parse(both.format()), List.of(NoteVerifierKey.parse(GO_VKEY)));
    assertThat(got).isInstanceOf(NoteVerification.Verified.class);
    assertThat(((NoteVerification.Verified) got).signers())
        .containsExactly(NoteVerifierKey.parse(GO_VKEY));

    assertThat(
            Notes.open(
                Note.parse(Notes.sign(GO_TEXT, other).format()),
                List.of(NoteVerifierKey.parse(GO_VKEY))))
        .isInstanceOf(NoteVerification.Unverified.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10T",
        "PeterNeumann+c74f20a3+AhpjZHJiaGNvbXNkZGZnc2RmZ2hqa2xvcWVybXFqZHE=",
        "Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW+",
      })
  void verifierKey_rejectsMangled(String text) {
    assertThatThrownBy(() -> NoteVerifierKey.parse(text)).isInstanceOf(FormatException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "text\n\u2014 k AAAAAAAA\n", // no blank line
        "text\n\n\u2014 k AAAAAAAA", // no final newline
        "text\n\n- k AAAAAAAA\n", // hyphen, not em dash
        "text\n\n\u2014 k  AAAAAAAA\n", // double space
        "text\n\n\u2014 k AAAA\n", // shorter than a key hash
        "text\n\n\u2014 k AAAAAAAA=\n", // non-canonical base64
        "text\n\n", // no signatures
        "te\u0001xt\n\n\u2014 k AAAAAAAAAA==\n", // control character
      })
  void parse_rejectsMalformed(String text) {
    assertThatThrownBy(() -> Note.parse(text)).isInstanceOf(FormatException.class);
  }

  @Test
  void parse_capsSignatures() {
    Ed25519Signer s = Ed25519Signer.generate("k", new SecureRandom());
    String sig = Notes.sign("t\n", s).format().substring(3);
    String many = "t\n\n" + sig.repeat(Note.MAX_SIGNATURES + 1);
    assertThatThrownBy(() -> Note.parse(many)).isInstanceOf(FormatException.class);
    assertThat(Note.parse("t\n\n" + sig.repeat(Note.MAX_SIGNATURES)).signatures())
        .hasSize(Note.MAX_SIGNATURES);
  }
}
