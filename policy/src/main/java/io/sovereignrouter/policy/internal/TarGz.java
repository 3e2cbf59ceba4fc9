package io.sovereignrouter.policy.internal;

import io.sovereignrouter.policy.PolicyFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads the regular files of a gzipped tar archive, as {@code opa build} writes bundles (POSIX
 * ustar headers, 512-byte blocks). Strict: size-capped, no duplicate names, octal fields checked.
 */
public final class TarGz {
  /** Largest uncompressed archive accepted. */
  public static final int MAX_BYTES = 64 * 1024 * 1024;

  private static final int BLOCK = 512;

  private TarGz() {}

  /**
   * Extracts the regular files.
   *
   * @param tarGz the archive bytes
   * @return file name (as stored, leading {@code /} removed) to content, in archive order
   * @throws PolicyFormatException when the archive is malformed or too large
   */
  public static Map<String, byte[]> files(byte[] tarGz) {
    byte[] tar = gunzip(tarGz);
    Map<String, byte[]> out = new LinkedHashMap<>();
    int pos = 0;
    while (pos + BLOCK <= tar.length) {
      byte[] header = Arrays.copyOfRange(tar, pos, pos + BLOCK);
      if (isZero(header)) {
        return out; // POSIX: the archive ends with zero blocks
      }
      String name = field(header, 0, 100);
      String prefix = field(header, 345, 155);
      if (!prefix.isEmpty()) {
        name = prefix + "/" + name;
      }
      long size = octal(header, 124, 12, name);
      byte type = header[156];
      int start = pos + BLOCK;
      if (size > tar.length - start) {
        throw new PolicyFormatException(
            "bundle entry "
                + name
                + ": expected "
                + size
                + " bytes, archive has "
                + (tar.length - start));
      }
      if (type == '0' || type == 0) {
        String key = name.startsWith("/") ? name.substring(1) : name;
        if (out.put(key, Arrays.copyOfRange(tar, start, start + (int) size)) != null) {
          throw new PolicyFormatException("bundle: duplicate entry " + key);
        }
      } else if (type != '5' && type != 'x' && type != 'g') {
        throw new PolicyFormatException(
            "bundle entry " + name + ": unsupported tar type " + (char) type);
      }
      pos = start + (int) ((size + BLOCK - 1) / BLOCK * BLOCK);
    }
    throw new PolicyFormatException("bundle: expected an end-of-archive block, got truncated data");
  }

  private static byte[] gunzip(byte[] gz) {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      byte[] data = in.readNBytes(MAX_BYTES + 1);
      if (data.length > MAX_BYTES) {
        throw new PolicyFormatException(
            "bundle: expected at most " + MAX_BYTES + " bytes uncompressed");
      }
      return data;
    } catch (IOException e) {
      throw new PolicyFormatException("bundle: not a gzip stream: " + e.getMessage(), e);
    }
  }

  private static boolean isZero(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private static String field(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) {
      end++;
    }
    return new String(header, offset, end - offset, StandardCharsets.UTF_8);
  }

  private static long octal(byte[] header, int offset, int length, String name) {
    String s = field(header, offset, length).trim();
    if (s.isEmpty() || !s.chars().allMatch(c -> c >= '0' && c <= '7') || s.length() > 11) {
      throw new PolicyFormatException(
          "bundle entry " + name + ": expected an octal size, got '" + s + "'");
    }
    return Long.parseLong(s, 8);
  }
}
