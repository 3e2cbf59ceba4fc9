package io.sovereignrouter.gateway.scan;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed fingerprints of secrets: the first 8 bytes of HMAC-SHA256(key, UTF-8 secret) as 16 hex
 * digits. Stable for one key, so allow-lists and audit rows can name a secret without holding it;
 * unlinkable across keys, and not invertible by a dictionary attack without the key.
 */
public final class Fingerprinter {
  private static final String ALGORITHM = "HmacSHA256";
  private static final int PREFIX_BYTES = 8;
  private final SecretKeySpec key;

  private Fingerprinter(byte[] key) {
    if (key.length < 16) {
      throw new IllegalArgumentException(
          "fingerprint key: expected at least 16 bytes, seen " + key.length);
    }
    this.key = new SecretKeySpec(key.clone(), ALGORITHM);
  }

  /**
   * A fingerprinter under {@code key}.
   *
   * @param key at least 16 bytes; copied
   * @return the fingerprinter
   * @throws IllegalArgumentException if the key is shorter than 16 bytes
   */
  public static Fingerprinter of(byte[] key) {
    return new Fingerprinter(key);
  }

  /** A fingerprinter under a fresh random key: fingerprints correlate only within its lifetime. */
  public static Fingerprinter ephemeral() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return new Fingerprinter(key);
  }

  /**
   * The fingerprint of {@code secret}.
   *
   * @param secret the secret text
   * @return 16 lowercase hex digits
   */
  public String fingerprint(CharSequence secret) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      byte[] digest = mac.doFinal(secret.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, PREFIX_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable in this JDK", e);
    }
  }
}
