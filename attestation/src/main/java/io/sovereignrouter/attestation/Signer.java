package io.sovereignrouter.attestation;

/**
 * An Ed25519 signing key, the one signing operation this module needs (checkpoints and DSSE
 * envelopes). The gateway wires a keystore-backed implementation; {@link Ed25519Signer} holds the
 * key in memory.
 *
 * <p>Implementations never reveal private key material through {@code toString}, exceptions or
 * logs.
 */
public interface Signer {
  /**
   * The key name: the signer name on signed-note signature lines (no spaces, no {@code +}).
   *
   * @return the name
   */
  String name();

  /**
   * The raw 32-byte Ed25519 public key.
   *
   * @return a copy of the public key
   */
  byte[] publicKey();

  /**
   * Signs a message with Ed25519 (RFC 8032, pure, no prehash).
   *
   * @param message bytes to sign
   * @return the 64-byte signature
   */
  byte[] sign(byte[] message);

  /**
   * The signed-note verifier key for this signer.
   *
   * @return the verifier key
   */
  default NoteVerifierKey verifierKey() {
    return new NoteVerifierKey(name(), publicKey());
  }
}
