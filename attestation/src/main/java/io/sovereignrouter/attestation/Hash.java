package io.sovereignrouter.attestation;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A SHA-256 digest: 32 bytes, compared by value, printed as standard base64.
 *
 * <p>Also the home of the RFC 6962 / RFC 9162 §2.1.1 hash functions: {@link #ofLeaf(byte[])} and
 * {@link #ofNode(Hash, Hash)}.
 */
public final class Hash implements Comparable<Hash> {
  /** Size of a hash in bytes. */
  public static final int SIZE = 32;

  /** RFC 9162 §2.1.1: the hash of an empty tree, SHA-256 of the empty string. */
  public static final Hash EMPTY = of(sha256().digest());

  private final byte[] bytes;

  private Hash(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * Wraps a copy of 32 digest bytes.
   *
   * @param bytes exactly {@link #SIZE} bytes
   * @return the hash
   * @throws FormatException if the length is not 32
   */
  public static Hash of(byte[] bytes) {
    if (bytes.length != SIZE) {
      throw new FormatException("hash: expected " + SIZE + " bytes, got " + bytes.length);
    }
    return new Hash(bytes.clone());
  }

  /**
   * Reads a hash from 32 bytes of a larger buffer.
   *
   * @param buffer source bytes
   * @param offset start of the hash in {@code buffer}
   * @return the hash
   * @throws FormatException if fewer than 32 bytes remain
   */
  public static Hash of(byte[] buffer, int offset) {
    if (offset < 0 || buffer.length - offset < SIZE) {
      throw new FormatException("hash: expected " + SIZE + " bytes at offset " + offset);
    }
    return new Hash(Arrays.copyOfRange(buffer, offset, offset + SIZE));
  }

  /**
   * SHA-256 of arbitrary bytes (not domain separated; for subjects and digests).
   *
   * @param data bytes to digest
   * @return the digest
   */
  public static Hash sha256(byte[] data) {
    return new Hash(sha256().digest(data));
  }

  /**
   * RFC 6962 §2.1 leaf hash: {@code SHA-256(0x00 || entry)}.
   *
   * @param entry the log entry bytes
   * @return the leaf hash
   */
  public static Hash ofLeaf(byte[] entry) {
    MessageDigest md = sha256();
    md.update((byte) 0x00); // RFC 6962 §2.1: MTH({d(0)}) = SHA-256(0x00 || d(0))
    md.update(entry);
    return new Hash(md.digest());
  }

  /**
   * RFC 6962 §2.1 interior node hash: {@code SHA-256(0x01 || left || right)}.
   *
   * @param left hash of the left subtree
   * @param right hash of the right subtree
   * @return the node hash
   */
  public static Hash ofNode(Hash left, Hash right) {
    MessageDigest md = sha256();
    md.update((byte) 0x01); // RFC 6962 §2.1: SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n]))
    md.update(left.bytes);
    md.update(right.bytes);
    return new Hash(md.digest());
  }

  /**
   * Parses standard base64 (with padding) of exactly 32 bytes.
   *
   * @param base64 the text
   * @return the hash
   * @throws FormatException if the text is not canonical base64 of 32 bytes
   */
  public static Hash parse(String base64) {
    byte[] decoded = Base64s.decodeStrict(base64, "hash");
    return of(decoded);
  }

  /**
   * Parses 64 lowercase hex digits.
   *
   * @param hex the text
   * @return the hash
   * @throws FormatException if the text is not 64 lowercase hex digits
   */
  public static Hash parseHex(String hex) {
    if (hex.length() != 2 * SIZE || !hex.equals(hex.toLowerCase(java.util.Locale.ROOT))) {
      throw new FormatException("hash: expected 64 lowercase hex digits");
    }
    try {
      return new Hash(HexFormat.of().parseHex(hex));
    } catch (IllegalArgumentException e) {
      throw new FormatException("hash: expected 64 lowercase hex digits", e);
    }
  }

  /**
   * Returns a copy of the 32 bytes.
   *
   * @return the digest bytes
   */
  public byte[] bytes() {
    return bytes.clone();
  }

  /**
   * Writes the 32 bytes into a buffer.
   *
   * @param buffer destination
   * @param offset start position
   */
  public void copyTo(byte[] buffer, int offset) {
    System.arraycopy(bytes, 0, buffer, offset, SIZE);
  }

  /**
   * Standard base64 with padding, the form used in checkpoints.
   *
   * @return base64 text
   */
  public String format() {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /**
   * Lowercase hex, the form used in in-toto digests.
   *
   * @return 64 hex digits
   */
  public String hex() {
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Hash h && MessageDigest.isEqual(bytes, h.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public int compareTo(Hash o) {
    return Arrays.compareUnsigned(bytes, o.bytes);
  }

  @Override
  public String toString() {
    return format();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }
}
