package io.sovereignrouter.keystore;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Computes keyed {@link Fingerprint}s: HMAC-SHA256 (RFC 2104) under a server key, truncated to 48
 * bits. Rotating the server key keeps the previous keys for {@link #matches}, so fingerprints
 * already written to logs can still be recognised. Immutable and thread-safe.
 */
public final class Fingerprinter {
  /** Minimum server-key length: the HMAC-SHA256 block-sized security level needs 32 bytes. */
  public static final int MIN_KEY_BYTES = 32;

  private static final String HMAC = "HmacSHA256";

  /** Newest first. */
  private final List<SecretKeySpec> keys;

  private Fingerprinter(List<SecretKeySpec> keys) {
    this.keys = List.copyOf(keys);
  }

  /**
   * Creates a fingerprinter with one server key.
   *
   * @param serverKey at least 32 random bytes; copied
   * @return the fingerprinter
   * @throws KeystoreException if the key is shorter than {@link #MIN_KEY_BYTES}
   */
  public static Fingerprinter of(byte[] serverKey) {
    return new Fingerprinter(List.of(spec(serverKey)));
  }

  /**
   * Returns a fingerprinter that fingerprints under {@code newKey} and still recognises every key
   * this one knows.
   *
   * @param newKey at least 32 random bytes; copied
   * @return the rotated fingerprinter
   * @throws KeystoreException if the key is shorter than {@link #MIN_KEY_BYTES}
   */
  public Fingerprinter rotate(byte[] newKey) {
    List<SecretKeySpec> next = new ArrayList<>();
    next.add(spec(newKey));
    next.addAll(keys);
    return new Fingerprinter(next);
  }

  /**
   * Returns a fingerprinter that keeps only the current key and the {@code keep} previous ones.
   *
   * @param keep number of previous keys to keep, at least 0
   * @return the pruned fingerprinter
   */
  public Fingerprinter retire(int keep) {
    if (keep < 0) {
      throw new KeystoreException("retire: expected keep >= 0, got " + keep);
    }
    return new Fingerprinter(keys.subList(0, Math.min(keys.size(), keep + 1)));
  }

  /**
   * Number of server keys known (current plus previous).
   *
   * @return the count, at least 1
   */
  public int keyCount() {
    return keys.size();
  }

  /**
   * Fingerprints a value under the current server key.
   *
   * @param value the secret bytes; not retained
   * @return the fingerprint
   */
  public Fingerprint fingerprint(byte[] value) {
    return fingerprint(keys.get(0), value);
  }

  /**
   * Whether {@code fingerprint} is the fingerprint of {@code value} under any known server key.
   *
   * @param fingerprint the fingerprint to check
   * @param value the candidate secret bytes; not retained
   * @return true on a match
   */
  public boolean matches(Fingerprint fingerprint, byte[] value) {
    boolean match = false;
    for (SecretKeySpec key : keys) {
      // no early exit: the time taken does not tell which key matched
      match |= Secrets.constantTimeEquals(fingerprint.hex(), fingerprint(key, value).hex());
    }
    return match;
  }

  private static Fingerprint fingerprint(SecretKeySpec key, byte[] value) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(key);
      byte[] full = mac.doFinal(value);
      return new Fingerprint(HexFormat.of().formatHex(full, 0, Fingerprint.LENGTH / 2));
    } catch (GeneralSecurityException e) {
      throw new KeystoreException("HMAC-SHA256 unavailable in this JDK", e);
    }
  }

  private static SecretKeySpec spec(byte[] key) {
    if (key.length < MIN_KEY_BYTES) {
      throw new KeystoreException(
          "fingerprint server key: expected at least "
              + MIN_KEY_BYTES
              + " bytes, got "
              + key.length);
    }
    try {
      SecretKeySpec spec = new SecretKeySpec(key, HMAC);
      Mac.getInstance(HMAC).init(spec);
      return spec;
    } catch (InvalidKeyException e) {
      throw new KeystoreException("fingerprint server key rejected by HMAC-SHA256", e);
    } catch (GeneralSecurityException e) {
      throw new KeystoreException("HMAC-SHA256 unavailable in this JDK", e);
    }
  }

  @Override
  public String toString() {
    return "Fingerprinter[keys=" + keys.size() + "]";
  }
}
