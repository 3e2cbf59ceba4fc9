package io.sovereignrouter.attestation;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * One signature line of a C2SP signed note: {@code — <name> <base64(keyHash || signature)>}.
 *
 * @param name key name
 * @param keyHash the 4-byte key ID as a big-endian int
 * @param signature signature bytes (64 for Ed25519; other lengths for unknown key types)
 */
public record NoteSignature(String name, int keyHash, byte[] signature) {
  /**
   * Validates the name and copies the signature.
   *
   * @throws FormatException if the name is invalid or the signature is empty
   */
  public NoteSignature {
    NoteVerifierKey.checkName(name);
    if (signature.length == 0) {
      throw new FormatException("note signature: empty signature");
    }
    signature = signature.clone();
  }

  /**
   * The base64 field of the signature line.
   *
   * @return base64 of the key hash followed by the signature
   */
  public String formatValue() {
    byte[] blob = new byte[4 + signature.length];
    blob[0] = (byte) (keyHash >>> 24);
    blob[1] = (byte) (keyHash >>> 16);
    blob[2] = (byte) (keyHash >>> 8);
    blob[3] = (byte) keyHash;
    System.arraycopy(signature, 0, blob, 4, signature.length);
    return Base64.getEncoder().encodeToString(blob);
  }

  /**
   * The signature without its key hash.
   *
   * @return a copy of the signature bytes
   */
  @Override
  public byte[] signature() {
    return signature.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NoteSignature s
        && name.equals(s.name)
        && keyHash == s.keyHash
        && Arrays.equals(signature, s.signature);
  }

  @Override
  public int hashCode() {
    return (name.hashCode() * 31 + keyHash) * 31 + Arrays.hashCode(signature);
  }

  @Override
  public String toString() {
    return "NoteSignature[" + name + "+" + HexFormat.of().toHexDigits(keyHash) + "]";
  }
}
