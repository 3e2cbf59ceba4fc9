package io.sovereignrouter.attestation;

/**
 * Outcome of checking a proof, checkpoint or signature: a value the caller must switch on.
 *
 * <pre>{@code
 * switch (proof.verify(leaf, root)) {
 *   case ProofVerification.Verified v -> ok();
 *   case ProofVerification.RootMismatch m -> reject(m.message());
 *   case ProofVerification.Invalid i -> reject(i.message());
 * }
 * }</pre>
 */
public sealed interface ProofVerification {
  /**
   * Whether verification succeeded.
   *
   * @return true only for {@link Verified}
   */
  default boolean ok() {
    return this instanceof Verified;
  }

  /**
   * A human-readable account of the outcome (expected vs seen).
   *
   * @return the message
   */
  String message();

  /** Everything checked out. */
  record Verified() implements ProofVerification {
    @Override
    public String message() {
      return "verified";
    }
  }

  /**
   * The proof was well-formed but led to a different root.
   *
   * @param expected the root the caller trusts
   * @param calculated the root the proof produced
   */
  record RootMismatch(Hash expected, Hash calculated) implements ProofVerification {
    @Override
    public String message() {
      return "root mismatch: calculated " + calculated + ", expected " + expected;
    }
  }

  /**
   * The proof, checkpoint or signature is not acceptable (wrong length, index out of range, bad
   * signature, unknown key).
   *
   * @param reason what was wrong
   */
  record Invalid(String reason) implements ProofVerification {
    @Override
    public String message() {
      return reason;
    }
  }
}
