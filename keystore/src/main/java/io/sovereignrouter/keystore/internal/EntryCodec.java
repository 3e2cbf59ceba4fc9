package io.sovereignrouter.keystore.internal;

import io.sovereignrouter.keystore.SecretRef;
import io.sovereignrouter.keystore.SecretRefFormatException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The on-disk text form of an {@link Entry}: five lines, each {@code key SP value LF}, in this
 * order and nothing else:
 *
 * <pre>
 * sovereign-secret v1
 * name NAME
 * kek KEK-ID
 * dek BASE64(wrapped data key)
 * ct BASE64(ciphertext)
 * </pre>
 *
 * Base64 is standard with padding. Parsing is strict: {@code format(parse(b))} equals {@code b}.
 */
public final class EntryCodec {
  /** First line of every entry. */
  static final String HEADER = "sovereign-secret v1";

  /** Largest entry file accepted. */
  public static final int MAX_BYTES = 256 * 1024;

  private static final Pattern KEK_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9:/_.-]{0,2099}");

  private EntryCodec() {}

  /**
   * Formats an entry.
   *
   * @param e the entry
   * @return the file bytes
   */
  public static byte[] format(Entry e) {
    Base64.Encoder b64 = Base64.getEncoder();
    String text =
        HEADER
            + "\nname "
            + e.name()
            + "\nkek "
            + e.kekId()
            + "\ndek "
            + b64.encodeToString(e.wrappedDek())
            + "\nct "
            + b64.encodeToString(e.ciphertext())
            + "\n";
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Parses an entry.
   *
   * @param bytes the file bytes
   * @return the entry
   * @throws SecretRefFormatException if the bytes are not exactly a formatted entry
   */
  public static Entry parse(byte[] bytes) {
    if (bytes.length > MAX_BYTES) {
      throw new SecretRefFormatException(
          "keystore entry: expected at most " + MAX_BYTES + " bytes, got " + bytes.length);
    }
    String text = new String(bytes, StandardCharsets.US_ASCII);
    if (!text.endsWith("\n")) {
      throw new SecretRefFormatException("keystore entry: expected a final newline");
    }
    String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
    if (lines.length != 5 || !lines[0].equals(HEADER)) {
      throw new SecretRefFormatException(
          "keystore entry: expected '" + HEADER + "' and 4 fields, got " + lines.length + " lines");
    }
    String name = field(lines[1], "name");
    if (!SecretRef.NAME.matcher(name).matches()) {
      throw new SecretRefFormatException("keystore entry: malformed name");
    }
    String kek = field(lines[2], "kek");
    if (!KEK_ID.matcher(kek).matches()) {
      throw new SecretRefFormatException("keystore entry: malformed kek id");
    }
    Entry e = new Entry(name, kek, base64(field(lines[3], "dek")), base64(field(lines[4], "ct")));
    if (!java.util.Arrays.equals(format(e), bytes)) {
      throw new SecretRefFormatException("keystore entry: not in canonical form");
    }
    return e;
  }

  private static String field(String line, String key) {
    if (!line.startsWith(key + " ")) {
      throw new SecretRefFormatException("keystore entry: expected field '" + key + "'");
    }
    return line.substring(key.length() + 1);
  }

  private static byte[] base64(String s) {
    try {
      byte[] b = Base64.getDecoder().decode(s);
      if (b.length == 0) {
        throw new SecretRefFormatException("keystore entry: empty base64 field");
      }
      return b;
    } catch (IllegalArgumentException e) {
      throw new SecretRefFormatException("keystore entry: malformed base64 field");
    }
  }
}
