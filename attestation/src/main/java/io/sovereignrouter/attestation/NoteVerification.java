package io.sovereignrouter.attestation;

import java.util.List;

/** Outcome of opening a signed note against trusted keys: a value the caller must switch on. */
public sealed interface NoteVerification {
  /**
   * At least one trusted key signed the note, and every signature by a trusted key verified.
   *
   * @param note the note
   * @param signers the trusted keys whose signatures verified
   */
  record Verified(Note note, List<NoteVerifierKey> signers) implements NoteVerification {
    /** Copies the signer list. */
    public Verified {
      signers = List.copyOf(signers);
    }
  }

  /**
   * The note is not verified: no trusted key signed it, or a trusted key's signature is bad.
   *
   * @param reason expected vs seen
   */
  record Unverified(String reason) implements NoteVerification {}
}
