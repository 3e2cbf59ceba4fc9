package io.sovereignrouter.attestation;

/**
 * Outcome of checking a proof or signature: a value the caller must switch on.
 *
 * <pre>{@code
 * switch (proof.verify(leaf, root)) {
 *   case Verification.Verified v -> ok();
 *   case Verification.RootMismatch m -> reject(m.message());
 *   case Verification.Invalid i -> reject(i.message());
 * }
 * }</pre>
 */
public sealed interface Verification {
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
  record Verified() implements Verification {
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
  record RootMismatch(Hash expected, Hash calculated) implements Verification {
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
  record Invalid(String reason) implements Verification {
    @Override
    public String message() {
      return reason;
    }
  }
}
