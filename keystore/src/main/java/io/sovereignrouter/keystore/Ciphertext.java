package io.sovereignrouter.keystore;

import java.util.Arrays;
import java.util.Base64;

/**
 * Opaque KMS ciphertext bytes (not secret). Prints as unpadded base64url, the form used inside
 * {@code aws-kms:} and {@code gcp-kms:} references.
 *
 * @param bytes the ciphertext; copied on the way in and out
 */
public record Ciphertext(byte[] bytes) {
  /** Upper bound on a ciphertext: AWS KMS caps ciphertext blobs at 6144 bytes, GCP at 65536. */
  public static final int MAX_BYTES = 65_536;

  /**
   * Validates and copies.
   *
   * @throws SecretRefFormatException if empty or larger than {@link #MAX_BYTES}
   */
  public Ciphertext {
    if (bytes.length == 0 || bytes.length > MAX_BYTES) {
      throw new SecretRefFormatException(
          "ciphertext length: expected 1.." + MAX_BYTES + " bytes, got " + bytes.length);
    }
    bytes = bytes.clone();
  }

  /**
   * Returns a copy of the ciphertext bytes.
   *
   * @return the bytes
   */
  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /**
   * Parses unpadded base64url strictly: the text must re-encode to itself.
   *
   * @param text the encoded ciphertext
   * @return the ciphertext
   * @throws SecretRefFormatException if the text is not canonical unpadded base64url
   */
  public static Ciphertext parse(String text) {
    if (text.isEmpty() || text.length() > (MAX_BYTES * 4 + 2) / 3) {
      throw new SecretRefFormatException(
          "ciphertext: expected unpadded base64url, got length " + text.length());
    }
    byte[] decoded;
    try {
      decoded = Base64.getUrlDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new SecretRefFormatException("ciphertext: expected unpadded base64url", e);
    }
    Ciphertext c = new Ciphertext(decoded);
    if (!c.format().equals(text)) {
      throw new SecretRefFormatException("ciphertext: expected canonical unpadded base64url");
    }
    return c;
  }

  /**
   * Formats as unpadded base64url.
   *
   * @return the encoded ciphertext
   */
  public String format() {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ciphertext other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return format();
  }
}
