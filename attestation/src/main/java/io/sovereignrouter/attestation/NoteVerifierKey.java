package io.sovereignrouter.attestation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;

/**
 * A C2SP signed-note Ed25519 verifier key, {@code <name>+<hash>+<base64(0x01 || key)>}.
 *
 * <p>The key hash is the first four bytes of {@code SHA-256(name || 0x0A || 0x01 || key)},
 * big-endian (C2SP signed-note, "Signatures").
 *
 * @param name key name
 * @param publicKey raw 32-byte Ed25519 public key
 */
public record NoteVerifierKey(String name, byte[] publicKey) {
  /** C2SP signed-note signature type byte for Ed25519. */
  static final byte ALG_ED25519 = 0x01;

  /** Longest verifier key string accepted. */
  static final int MAX_LENGTH = 1024;

  /**
   * Validates the name and key length and copies the key.
   *
   * @throws FormatException if the name or key is invalid
   */
  public NoteVerifierKey {
    checkName(name);
    if (publicKey.length != 32) {
      throw new FormatException("verifier key: expected a 32-byte Ed25519 key");
    }
    publicKey = publicKey.clone();
  }

  /**
   * Parses a verifier key string strictly.
   *
   * @param text {@code <name>+<hash>+<base64>}
   * @return the key
   * @throws FormatException if malformed or the hash does not match the key
   */
  public static NoteVerifierKey parse(String text) {
    if (text.length() > MAX_LENGTH) {
      throw new FormatException("verifier key: longer than " + MAX_LENGTH);
    }
    String[] parts = text.split("\\+", 3);
    if (parts.length != 3) {
      throw new FormatException("verifier key: expected <name>+<hash>+<key>");
    }
    if (!parts[1].matches("[0-9a-f]{8}")) {
      throw new FormatException("verifier key: expected an 8-digit lowercase hex hash");
    }
    byte[] material = Base64s.decodeStrict(parts[2], "verifier key");
    if (material.length != 33 || material[0] != ALG_ED25519) {
      throw new FormatException("verifier key: expected algorithm 0x01 and a 32-byte key");
    }
    NoteVerifierKey key = new NoteVerifierKey(parts[0], Arrays.copyOfRange(material, 1, 33));
    String hash = HexFormat.of().toHexDigits(key.keyHash());
    if (!hash.equals(parts[1])) {
      throw new FormatException("verifier key: hash " + parts[1] + " does not match " + hash);
    }
    return key;
  }

  /**
   * Formats the key as {@code <name>+<hash>+<base64>}.
   *
   * @return the verifier key string
   */
  public String format() {
    byte[] material = new byte[33];
    material[0] = ALG_ED25519;
    System.arraycopy(publicKey, 0, material, 1, 32);
    return name
        + "+"
        + HexFormat.of().toHexDigits(keyHash())
        + "+"
        + Base64.getEncoder().encodeToString(material);
  }

  /**
   * The signed-note key hash (key ID).
   *
   * @return first 4 bytes of {@code SHA-256(name || "\n" || 0x01 || key)} as a big-endian int
   */
  public int keyHash() {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(name.getBytes(StandardCharsets.UTF_8));
      md.update((byte) '\n');
      md.update(ALG_ED25519);
      md.update(publicKey);
      byte[] d = md.digest();
      return ((d[0] & 0xff) << 24) | ((d[1] & 0xff) << 16) | ((d[2] & 0xff) << 8) | (d[3] & 0xff);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }

  /**
   * Verifies an Ed25519 signature made by this key.
   *
   * @param message signed bytes
   * @param signature 64-byte signature
   * @return true if it verifies
   */
  public boolean verify(byte[] message, byte[] signature) {
    if (signature.length != 64) {
      return false;
    }
    var v = new org.bouncycastle.crypto.signers.Ed25519Signer();
    v.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
    v.update(message, 0, message.length);
    return v.verifySignature(signature);
  }

  /**
   * The raw Ed25519 public key.
   *
   * @return a copy of the 32 key bytes
   */
  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NoteVerifierKey k
        && name.equals(k.name)
        && Arrays.equals(publicKey, k.publicKey);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Arrays.hashCode(publicKey);
  }

  @Override
  public String toString() {
    return format();
  }

  // C2SP signed-note: a key name is non-empty UTF-8 with no Unicode spaces and no plus signs.
  static void checkName(String name) {
    if (name.isEmpty() || name.length() > 256) {
      throw new FormatException("key name: expected 1..256 characters");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '+' || Character.isWhitespace(c) || Character.isSpaceChar(c) || c < 0x20) {
        throw new FormatException("key name: no spaces, control characters or '+' allowed");
      }
    }
  }
}
