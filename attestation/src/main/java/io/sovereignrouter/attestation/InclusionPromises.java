package io.sovereignrouter.attestation;

import java.nio.charset.StandardCharsets;

/** Signing and verifying {@link InclusionPromise}s, carried as C2SP signed notes. */
public final class InclusionPromises {
  private InclusionPromises() {}

  /**
   * Signs a promise with the log key.
   *
   * @param promise the promise
   * @param signer the log key (its name is the promise's origin)
   * @return the signed note
   * @throws IllegalArgumentException if the key belongs to another origin
   */
  public static Note sign(InclusionPromise promise, Signer signer) {
    if (!signer.name().equals(promise.origin())) {
      throw new IllegalArgumentException(
          "promise for " + promise.origin() + " cannot be signed by key " + signer.name());
    }
    return Notes.sign(promise.format(), signer);
  }

  /**
   * Parses a signed promise and checks it is signed by the log key, names the log, and promises
   * exactly this entry at this index.
   *
   * @param signedNote the signed note text
   * @param logKey the log's verifier key
   * @param entry the entry bytes it should promise (the DSSE envelope)
   * @param index the index it should promise
   * @return the outcome; {@link Verification#ok()} only if every check holds
   */
  public static Verification verify(
      String signedNote, NoteVerifierKey logKey, byte[] entry, long index) {
    return verify(signedNote, LogKeys.of(logKey), entry, index);
  }

  /**
   * As {@link #verify(String, NoteVerifierKey, byte[], long)}, accepting any of the log's keys.
   *
   * @param signedNote the signed note text
   * @param logKeys the log's keys
   * @param entry the entry bytes it should promise
   * @param index the index it should promise
   * @return the outcome
   */
  public static Verification verify(String signedNote, LogKeys logKeys, byte[] entry, long index) {
    NoteVerifierKey logKey = logKeys.current();
    InclusionPromise promise;
    try {
      Note note = Note.parse(signedNote.getBytes(StandardCharsets.UTF_8));
      if (Notes.open(note, logKeys.keys()) instanceof NoteVerification.Unverified u) {
        return new Verification.Invalid("inclusion promise: " + u.reason());
      }
      promise = InclusionPromise.parse(note.text());
    } catch (FormatException e) {
      return new Verification.Invalid(e.getMessage());
    }
    if (!promise.origin().equals(logKey.name())) {
      return new Verification.Invalid(
          "inclusion promise: origin " + promise.origin() + ", expected " + logKey.name());
    }
    if (promise.index() != index) {
      return new Verification.Invalid(
          "inclusion promise: for index " + promise.index() + ", attestation says " + index);
    }
    Hash leaf = Hash.ofLeaf(entry);
    if (!promise.leafHash().equals(leaf)) {
      return new Verification.Invalid(
          "inclusion promise: for leaf " + promise.leafHash() + ", envelope is leaf " + leaf);
    }
    return new Verification.Verified();
  }

  /**
   * The promise inside a signed note, unverified (for display after {@link #verify}).
   *
   * @param signedNote the signed note text
   * @return the promise
   * @throws FormatException if malformed
   */
  public static InclusionPromise read(String signedNote) {
    return InclusionPromise.parse(Note.parse(signedNote.getBytes(StandardCharsets.UTF_8)).text());
  }
}
