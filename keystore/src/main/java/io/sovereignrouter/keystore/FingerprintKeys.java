package io.sovereignrouter.keystore;

import io.sovereignrouter.keystore.internal.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The fingerprint server keys on disk, so fingerprints stay stable across restarts and the key can
 * be rotated. One file, mode 0600, written atomically:
 *
 * <pre>
 * sovereign-fingerprint-keys v1
 * BASE64(32 bytes)      ← current
 * BASE64(32 bytes)      ← previous, newest first
 * </pre>
 *
 * <p>A leaked server key lets an attacker test guesses against fingerprints, never recover a
 * high-entropy secret; it is kept 0600 next to the other server secrets in the data dir.
 */
public final class FingerprintKeys {
  private static final String HEADER = "sovereign-fingerprint-keys v1";
  private static final int MAX_KEYS = 16;

  private FingerprintKeys() {}

  /**
   * Loads the keys, creating the file with one fresh key when absent.
   *
   * @param file the key file
   * @return a fingerprinter over every key in the file
   * @throws KeystoreException on I/O failure or a malformed file
   */
  public static Fingerprinter loadOrCreate(Path file) {
    List<byte[]> keys = read(file);
    if (keys.isEmpty()) {
      keys = List.of(fresh());
      write(file, keys);
    }
    return fingerprinter(keys);
  }

  /**
   * Adds a new current key; older keys stay for {@link Fingerprinter#matches}. At most 16 keys are
   * kept.
   *
   * @param file the key file
   * @return the fingerprinter after rotation
   * @throws KeystoreException on I/O failure or a malformed file
   */
  public static Fingerprinter rotate(Path file) {
    List<byte[]> keys = new ArrayList<>();
    keys.add(fresh());
    keys.addAll(read(file));
    keys = keys.subList(0, Math.min(keys.size(), MAX_KEYS));
    write(file, keys);
    return fingerprinter(keys);
  }

  /**
   * Drops all but the current key and the {@code keep} newest previous ones.
   *
   * @param file the key file
   * @param keep previous keys to keep, at least 0
   * @return the fingerprinter after pruning
   * @throws KeystoreException on I/O failure, a malformed or missing file
   */
  public static Fingerprinter retire(Path file, int keep) {
    if (keep < 0) {
      throw new KeystoreException("retire: expected keep >= 0, got " + keep);
    }
    List<byte[]> keys = read(file);
    if (keys.isEmpty()) {
      throw new KeystoreException("fingerprint key file " + file + ": missing");
    }
    keys = keys.subList(0, Math.min(keys.size(), keep + 1));
    write(file, keys);
    return fingerprinter(keys);
  }

  private static Fingerprinter fingerprinter(List<byte[]> keys) {
    Fingerprinter f = Fingerprinter.of(keys.get(keys.size() - 1));
    for (int i = keys.size() - 2; i >= 0; i--) {
      f = f.rotate(keys.get(i));
    }
    return f;
  }

  private static byte[] fresh() {
    byte[] k = new byte[32];
    new SecureRandom().nextBytes(k);
    return k;
  }

  private static List<byte[]> read(Path file) {
    String text;
    try {
      if (Files.size(file) > 4096) {
        throw new SecretRefFormatException("fingerprint key file " + file + ": too large");
      }
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new KeystoreException("fingerprint key file " + file + ": cannot read", e);
    }
    String[] lines = text.split("\n", -1);
    if (lines.length < 3 || !lines[0].equals(HEADER) || !lines[lines.length - 1].isEmpty()) {
      throw new SecretRefFormatException(
          "fingerprint key file " + file + ": expected '" + HEADER + "' and at least one key");
    }
    List<byte[]> keys = new ArrayList<>();
    for (int i = 1; i < lines.length - 1; i++) {
      byte[] k;
      try {
        k = Base64.getDecoder().decode(lines[i]);
      } catch (IllegalArgumentException e) {
        throw new SecretRefFormatException(
            "fingerprint key file " + file + ": line " + (i + 1) + " is not base64");
      }
      if (k.length != 32 || !Base64.getEncoder().encodeToString(k).equals(lines[i])) {
        throw new SecretRefFormatException(
            "fingerprint key file "
                + file
                + ": line "
                + (i + 1)
                + " is not canonical base64 of 32 bytes");
      }
      keys.add(k);
    }
    return keys;
  }

  private static void write(Path file, List<byte[]> keys) {
    StringBuilder sb = new StringBuilder(HEADER).append('\n');
    for (byte[] k : keys) {
      sb.append(Base64.getEncoder().encodeToString(k)).append('\n');
    }
    byte[] bytes = sb.toString().getBytes(StandardCharsets.US_ASCII);
    try {
      Path dir = file.toAbsolutePath().getParent();
      AtomicFiles.ensureDirectory(dir);
      AtomicFiles.write(file, bytes);
    } catch (IOException e) {
      throw new KeystoreException("fingerprint key file " + file + ": cannot write", e);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }
}
