package io.sovereignrouter.gateway.tenancy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hash of key secrets: HMAC-SHA256 under a server-side pepper, so a leaked database alone
 * does not allow offline guessing. Comparison is constant-time.
 */
public final class KeyHasher {
  private static final String ALGORITHM = "HmacSHA256";
  private final SecretKeySpec pepper;

  /**
   * @param pepper at least 32 bytes of server secret; copied
   */
  public KeyHasher(byte[] pepper) {
    if (pepper.length < 32) {
      throw new IllegalArgumentException(
          "key-hash pepper must be at least 32 bytes, was " + pepper.length);
    }
    this.pepper = new SecretKeySpec(pepper.clone(), ALGORITHM);
  }

  /** Returns the lowercase hex HMAC of {@code key}'s secret bound to its key id. */
  public String hash(ApiKey key) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(pepper);
      // Binding the id stops a hash row from being moved to another key id.
      mac.update(key.keyId().getBytes(StandardCharsets.US_ASCII));
      mac.update((byte) 0);
      return HexFormat.of()
          .formatHex(mac.doFinal(key.secret().getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable in this JDK", e);
    }
  }

  /** Constant-time check of a presented key against a stored hash. */
  public boolean matches(ApiKey presented, String storedHash) {
    byte[] expected = storedHash.getBytes(StandardCharsets.US_ASCII);
    byte[] actual = hash(presented).getBytes(StandardCharsets.US_ASCII);
    boolean equal = MessageDigest.isEqual(expected, actual);
    Arrays.fill(actual, (byte) 0);
    return equal;
  }
}
