package io.sovereignrouter.attestation.internal;

import io.sovereignrouter.attestation.FormatException;
import io.sovereignrouter.attestation.Hash;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** Byte formats of C2SP tlog-tiles resources. */
public final class TileCodec {
  /** C2SP tlog-tiles: entries in a bundle are prefixed by a big-endian uint16 length. */
  public static final int MAX_ENTRY_SIZE = 0xffff;

  private TileCodec() {}

  /**
   * Encodes a hash tile: the concatenated hashes.
   *
   * @param hashes 1..256 hashes
   * @return the tile bytes
   */
  public static byte[] encodeHashes(List<Hash> hashes) {
    byte[] out = new byte[hashes.size() * Hash.SIZE];
    for (int i = 0; i < hashes.size(); i++) {
      hashes.get(i).copyTo(out, i * Hash.SIZE);
    }
    return out;
  }

  /**
   * Decodes a hash tile of known width.
   *
   * @param data tile bytes
   * @param width expected number of hashes
   * @return the hashes
   * @throws FormatException if the length is not {@code width * 32}
   */
  public static List<Hash> decodeHashes(byte[] data, int width) {
    if (data.length != width * Hash.SIZE) {
      throw new FormatException(
          "hash tile: expected " + width * Hash.SIZE + " bytes, got " + data.length);
    }
    List<Hash> out = new ArrayList<>(width);
    for (int i = 0; i < width; i++) {
      out.add(Hash.of(data, i * Hash.SIZE));
    }
    return out;
  }

  /**
   * Encodes an entry bundle: each entry as a big-endian uint16 length then its bytes.
   *
   * @param entries 1..256 entries of at most 65535 bytes
   * @return the bundle bytes
   */
  public static byte[] encodeEntries(List<byte[]> entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] e : entries) {
      if (e.length > MAX_ENTRY_SIZE) {
        throw new FormatException("entry: " + e.length + " bytes, max " + MAX_ENTRY_SIZE);
      }
      out.write(e.length >>> 8);
      out.write(e.length & 0xff);
      out.write(e, 0, e.length);
    }
    return out.toByteArray();
  }

  /**
   * Decodes an entry bundle of known width, strictly (no trailing bytes).
   *
   * @param data bundle bytes
   * @param width expected number of entries
   * @return the entries
   * @throws FormatException if the bundle is truncated, has extra bytes or another count
   */
  public static List<byte[]> decodeEntries(byte[] data, int width) {
    List<byte[]> out = new ArrayList<>(width);
    int pos = 0;
    while (pos < data.length) {
      if (data.length - pos < 2) {
        throw new FormatException("entry bundle: truncated length at byte " + pos);
      }
      int len = ((data[pos] & 0xff) << 8) | (data[pos + 1] & 0xff);
      pos += 2;
      if (data.length - pos < len) {
        throw new FormatException("entry bundle: entry of " + len + " bytes truncated");
      }
      byte[] e = new byte[len];
      System.arraycopy(data, pos, e, 0, len);
      out.add(e);
      pos += len;
    }
    if (out.size() != width) {
      throw new FormatException("entry bundle: expected " + width + " entries, got " + out.size());
    }
    return out;
  }
}
