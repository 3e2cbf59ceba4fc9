package io.sovereignrouter.policy;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An Ed25519 witness key the operator trusts.
 *
 * @param keyId the id signatures name it by
 * @param publicKey the Ed25519 public key
 */
public record WitnessKey(String keyId, PublicKey publicKey) {

  // RFC 8410 §4: SubjectPublicKeyInfo of an Ed25519 key is this prefix and the 32 raw bytes.
  private static final byte[] ED25519_SPKI_PREFIX =
      HexFormat.of().parseHex("302a300506032b6570032100");

  /** Validates: the key must be Ed25519. */
  public WitnessKey {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(publicKey, "publicKey");
    if (keyId.isEmpty()) {
      throw new IllegalArgumentException("keyId: expected a name, got an empty string");
    }
    if (!publicKey.getAlgorithm().equals("Ed25519") && !publicKey.getAlgorithm().equals("EdDSA")) {
      throw new IllegalArgumentException(
          "witness key " + keyId + ": expected Ed25519, got " + publicKey.getAlgorithm());
    }
  }

  /**
   * A key from its 32 raw bytes (RFC 8032 encoding).
   *
   * @param keyId the id signatures name it by
   * @param raw the 32-byte public key
   * @return the key
   * @throws PolicyFormatException when {@code raw} is not a 32-byte Ed25519 key
   */
  public static WitnessKey ed25519(String keyId, byte[] raw) {
    if (raw.length != 32) {
      throw new PolicyFormatException(
          "witness key " + keyId + ": expected 32 bytes, got " + raw.length);
    }
    byte[] spki = new byte[ED25519_SPKI_PREFIX.length + 32];
    System.arraycopy(ED25519_SPKI_PREFIX, 0, spki, 0, ED25519_SPKI_PREFIX.length);
    System.arraycopy(raw, 0, spki, ED25519_SPKI_PREFIX.length, 32);
    try {
      PublicKey key =
          KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
      return new WitnessKey(keyId, key);
    } catch (GeneralSecurityException e) {
      throw new PolicyFormatException("witness key " + keyId + ": not an Ed25519 key", e);
    }
  }
}
