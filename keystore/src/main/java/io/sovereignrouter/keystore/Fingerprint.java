package io.sovereignrouter.keystore;

import java.util.regex.Pattern;

/**
 * The only form in which a secret leaves the keystore: the first 12 hex digits (48 bits) of
 * HMAC-SHA256 under a server key. Short enough to show in logs and UIs, keyed so it cannot be
 * brute-forced offline from a log, and stable for the same secret and server key.
 *
 * @param hex 12 lowercase hex digits
 */
public record Fingerprint(String hex) {
  /** Number of hex digits kept. */
  public static final int LENGTH = 12;

  private static final Pattern HEX = Pattern.compile("[0-9a-f]{" + LENGTH + "}");

  /**
   * Validates the digits.
   *
   * @throws SecretRefFormatException if not exactly 12 lowercase hex digits
   */
  public Fingerprint {
    if (!HEX.matcher(hex).matches()) {
      throw new SecretRefFormatException("fingerprint: expected 12 lowercase hex digits");
    }
  }

  /**
   * Parses the text form (the 12 digits).
   *
   * @param text the digits
   * @return the fingerprint
   * @throws SecretRefFormatException if malformed
   */
  public static Fingerprint parse(String text) {
    return new Fingerprint(text);
  }

  @Override
  public String toString() {
    return hex;
  }
}
