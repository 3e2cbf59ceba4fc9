package io.sovereignrouter.attestation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Signing and opening C2SP signed notes. */
public final class Notes {
  private Notes() {}

  /**
   * Signs note text with one key.
   *
   * @param text note text ending in a newline
   * @param signer the key
   * @return the signed note
   * @throws FormatException if the text is not valid note text
   */
  public static Note sign(String text, Signer signer) {
    return sign(text, List.of(signer));
  }

  /**
   * Signs note text with several keys (a checkpoint cosigned across a key rotation).
   *
   * @param text note text ending in a newline
   * @param signers the keys, in signature order
   * @return the signed note
   * @throws FormatException if the text is not valid note text
   */
  public static Note sign(String text, List<? extends Signer> signers) {
    Note.checkText(text);
    byte[] message = text.getBytes(StandardCharsets.UTF_8);
    List<NoteSignature> sigs = new ArrayList<>();
    for (Signer s : signers) {
      sigs.add(new NoteSignature(s.name(), s.verifierKey().keyHash(), s.sign(message)));
    }
    return new Note(text, sigs);
  }

  /**
   * Verifies a note against trusted keys. Signatures by unknown keys are ignored; a signature by a
   * trusted key that does not verify makes the note unverified (fail closed).
   *
   * @param note the parsed note
   * @param trusted the keys to accept
   * @return {@link NoteVerification.Verified} if at least one trusted key signed it
   */
  public static NoteVerification open(Note note, List<NoteVerifierKey> trusted) {
    byte[] message = note.text().getBytes(StandardCharsets.UTF_8);
    List<NoteVerifierKey> signers = new ArrayList<>();
    Set<NoteVerifierKey> seen = new HashSet<>();
    for (NoteSignature sig : note.signatures()) {
      for (NoteVerifierKey key : trusted) {
        if (!key.name().equals(sig.name()) || key.keyHash() != sig.keyHash()) {
          continue;
        }
        if (!seen.add(key)) {
          return new NoteVerification.Unverified("note: key " + key.name() + " signed twice");
        }
        if (!key.verify(message, sig.signature())) {
          return new NoteVerification.Unverified("note: invalid signature by " + key.name());
        }
        signers.add(key);
      }
    }
    if (signers.isEmpty()) {
      return new NoteVerification.Unverified("note: no signature by a trusted key");
    }
    return new NoteVerification.Verified(note, signers);
  }
}
