package io.sovereignrouter.attestation;

import java.util.List;

/** Signing, opening and comparing C2SP checkpoints. */
public final class Checkpoints {
  private Checkpoints() {}

  /**
   * Signs a checkpoint as a signed note.
   *
   * @param checkpoint the body
   * @param signer the log key (its name should be the origin)
   * @return the signed checkpoint
   */
  public static SignedCheckpoint sign(Checkpoint checkpoint, Signer signer) {
    return new SignedCheckpoint(checkpoint, Notes.sign(checkpoint.format(), signer));
  }

  /**
   * Signs a checkpoint with several keys of the log (cosigned across a key rotation).
   *
   * @param checkpoint the body
   * @param signers the log's keys
   * @return the signed checkpoint
   */
  public static SignedCheckpoint sign(Checkpoint checkpoint, List<? extends Signer> signers) {
    return new SignedCheckpoint(checkpoint, Notes.sign(checkpoint.format(), signers));
  }

  /**
   * Parses and verifies a signed checkpoint in a fixed order: note syntax, log key signature,
   * checkpoint syntax, origin.
   *
   * @param signedNote the signed note bytes
   * @param logKey the log's verifier key; its name must equal the checkpoint origin
   * @return the outcome
   * @throws FormatException if the note itself is malformed
   */
  public static CheckpointVerification open(byte[] signedNote, NoteVerifierKey logKey) {
    return open(signedNote, LogKeys.of(logKey));
  }

  /**
   * As {@link #open(byte[], NoteVerifierKey)}, accepting a signature by any of the log's keys
   * (current or retired); a signature by one of them that does not verify fails.
   *
   * @param signedNote the signed note bytes
   * @param logKeys the log's keys
   * @return the outcome
   * @throws FormatException if the note itself is malformed
   */
  public static CheckpointVerification open(byte[] signedNote, LogKeys logKeys) {
    NoteVerifierKey logKey = logKeys.current();
    Note note = Note.parse(signedNote);
    return switch (Notes.open(note, logKeys.keys())) {
      case NoteVerification.Unverified u -> new CheckpointVerification.Invalid(u.reason());
      case NoteVerification.Verified v -> {
        Checkpoint cp;
        try {
          cp = Checkpoint.parse(note.text());
        } catch (FormatException e) {
          yield new CheckpointVerification.Invalid(e.getMessage());
        }
        if (!cp.origin().equals(logKey.name())) {
          yield new CheckpointVerification.Invalid(
              "checkpoint: origin " + cp.origin() + ", expected " + logKey.name());
        }
        yield new CheckpointVerification.Valid(new SignedCheckpoint(cp, note));
      }
    };
  }

  /**
   * Detects a fork: two checkpoints of one log that cannot both be honest. Same origin, same size,
   * different roots is a fork; for different sizes, pass a consistency proof to {@link
   * #consistent}.
   *
   * @param a one checkpoint
   * @param b another checkpoint
   * @return true if they prove the log forked
   */
  public static boolean forked(Checkpoint a, Checkpoint b) {
    return a.origin().equals(b.origin())
        && a.size() == b.size()
        && !a.rootHash().equals(b.rootHash());
  }

  /**
   * Checks that {@code newer} extends {@code older} with the given proof.
   *
   * @param older the earlier checkpoint
   * @param newer the later checkpoint
   * @param proof consistency proof from {@code older.size()} to {@code newer.size()}
   * @return the outcome
   */
  public static Verification consistent(
      Checkpoint older, Checkpoint newer, ConsistencyProof proof) {
    if (!older.origin().equals(newer.origin())) {
      return new Verification.Invalid("checkpoints of different logs");
    }
    if (proof.size1() != older.size() || proof.size2() != newer.size()) {
      return new Verification.Invalid(
          "consistency proof for "
              + proof.size1()
              + "→"
              + proof.size2()
              + ", expected "
              + older.size()
              + "→"
              + newer.size());
    }
    return proof.verify(older.rootHash(), newer.rootHash());
  }
}
