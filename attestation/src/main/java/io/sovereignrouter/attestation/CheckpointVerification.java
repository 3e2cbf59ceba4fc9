package io.sovereignrouter.attestation;

/** Outcome of verifying a signed checkpoint: a value the caller must switch on. */
public sealed interface CheckpointVerification {
  /**
   * The checkpoint is signed by the log key and names the expected origin.
   *
   * @param signed the verified checkpoint
   */
  record Valid(SignedCheckpoint signed) implements CheckpointVerification {}

  /**
   * The checkpoint did not verify.
   *
   * @param reason expected vs seen
   */
  record Invalid(String reason) implements CheckpointVerification {}
}
