package io.sovereignrouter.attestation;

import java.util.Base64;

/** Strict standard base64: padded, canonical (re-encoding gives the same text). */
final class Base64s {
  private Base64s() {}

  static byte[] decodeStrict(String text, String what) {
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new FormatException(what + ": expected standard base64", e);
    }
    // Reject non-canonical encodings (stray bits in padding) by re-formatting.
    if (!Base64.getEncoder().encodeToString(decoded).equals(text)) {
      throw new FormatException(what + ": expected canonical standard base64");
    }
    return decoded;
  }
}
