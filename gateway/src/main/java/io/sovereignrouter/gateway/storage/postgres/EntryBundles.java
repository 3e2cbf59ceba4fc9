package io.sovereignrouter.gateway.storage.postgres;

import io.sovereignrouter.attestation.LogStorageException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** C2SP tlog-tiles entry bundles: each entry as a big-endian uint16 length, then its bytes. */
final class EntryBundles {
  private EntryBundles() {}

  static List<byte[]> decode(byte[] bundle, int expected) {
    List<byte[]> out = new ArrayList<>(expected);
    int at = 0;
    while (at < bundle.length) {
      if (bundle.length - at < 2) {
        throw new LogStorageException("entry bundle: truncated length at byte " + at);
      }
      int len = ((bundle[at] & 0xff) << 8) | (bundle[at + 1] & 0xff);
      at += 2;
      if (bundle.length - at < len) {
        throw new LogStorageException("entry bundle: entry of " + len + " bytes truncated");
      }
      byte[] e = new byte[len];
      System.arraycopy(bundle, at, e, 0, len);
      out.add(e);
      at += len;
    }
    if (out.size() != expected) {
      throw new LogStorageException(
          "entry bundle: expected " + expected + " entries, found " + out.size());
    }
    return out;
  }

  static byte[] encode(List<byte[]> entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] e : entries) {
      out.write(e.length >>> 8);
      out.write(e.length & 0xff);
      out.writeBytes(e);
    }
    return out.toByteArray();
  }
}
