package io.sovereignrouter.keystore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/** Static helpers for handling secret bytes: constant-time comparison and zeroing. */
public final class Secrets {
  private Secrets() {}

  /**
   * Compares two byte arrays in time that depends only on their lengths, not on where they differ.
   *
   * @param a first value
   * @param b second value
   * @return true when equal
   */
  public static boolean constantTimeEquals(byte[] a, byte[] b) {
    // MessageDigest.isEqual is constant-time in the contents since JDK 6u17
    return MessageDigest.isEqual(a, b);
  }

  /**
   * Compares two strings (as UTF-8) in time that does not depend on where they differ.
   *
   * @param a first value
   * @param b second value
   * @return true when equal
   */
  public static boolean constantTimeEquals(CharSequence a, CharSequence b) {
    byte[] x = a.toString().getBytes(StandardCharsets.UTF_8);
    byte[] y = b.toString().getBytes(StandardCharsets.UTF_8);
    try {
      return MessageDigest.isEqual(x, y);
    } finally {
      zero(x);
      zero(y);
    }
  }

  /**
   * Overwrites a buffer with zeros.
   *
   * @param buffer the buffer to clear
   */
  public static void zero(byte[] buffer) {
    Arrays.fill(buffer, (byte) 0);
  }
}
