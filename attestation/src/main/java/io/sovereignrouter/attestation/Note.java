package io.sovereignrouter.attestation;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A C2SP signed note: UTF-8 text ending in a newline, a blank line, then one or more signature
 * lines {@code — <name> <base64>}. The signed message is the text.
 *
 * @param text the note text, ending in {@code \n}
 * @param signatures the signature lines in order
 */
public record Note(String text, List<NoteSignature> signatures) {
  /** Largest note accepted by {@link #parse(byte[])}, in bytes. */
  public static final int MAX_SIZE = 64 * 1024;

  /** Most signature lines accepted (STYLE §5; sigstore caps at 20). */
  public static final int MAX_SIGNATURES = 20;

  private static final String SIG_PREFIX = "\u2014 ";

  /**
   * Validates the text and copies the signatures.
   *
   * @throws FormatException if the text is not valid note text or there are no signatures
   */
  public Note {
    checkText(text);
    if (signatures.isEmpty() || signatures.size() > MAX_SIGNATURES) {
      throw new FormatException(
          "note: expected 1.." + MAX_SIGNATURES + " signatures, got " + signatures.size());
    }
    signatures = List.copyOf(signatures);
  }

  /**
   * Formats the note as its wire bytes' text.
   *
   * @return text, blank line, signature lines
   */
  public String format() {
    StringBuilder sb = new StringBuilder(text).append('\n');
    for (NoteSignature s : signatures) {
      sb.append(SIG_PREFIX).append(s.name()).append(' ').append(s.formatValue()).append('\n');
    }
    return sb.toString();
  }

  /**
   * Parses a signed note strictly (does not verify signatures; see {@link Notes#open}).
   *
   * @param bytes the note bytes
   * @return the note
   * @throws FormatException if malformed, not UTF-8, or larger than {@link #MAX_SIZE}
   */
  public static Note parse(byte[] bytes) {
    if (bytes.length > MAX_SIZE) {
      throw new FormatException("note: " + bytes.length + " bytes, max " + MAX_SIZE);
    }
    String msg;
    try {
      msg =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new FormatException("note: not valid UTF-8", e);
    }
    return parse(msg);
  }

  /**
   * Parses a signed note from text.
   *
   * @param msg the note text
   * @return the note
   * @throws FormatException if malformed
   */
  public static Note parse(String msg) {
    if (msg.length() > MAX_SIZE) {
      throw new FormatException("note: longer than " + MAX_SIZE);
    }
    if (!msg.endsWith("\n")) {
      throw new FormatException("note: does not end in a newline");
    }
    // The signatures follow the last blank line.
    int split = msg.lastIndexOf("\n\n");
    if (split < 0) {
      throw new FormatException("note: no blank line before the signatures");
    }
    String text = msg.substring(0, split + 1);
    String block = msg.substring(split + 2);
    if (block.isEmpty()) {
      throw new FormatException("note: no signatures");
    }
    List<NoteSignature> sigs = new ArrayList<>();
    for (String line : block.substring(0, block.length() - 1).split("\n", -1)) {
      if (sigs.size() == MAX_SIGNATURES) {
        throw new FormatException("note: more than " + MAX_SIGNATURES + " signatures");
      }
      sigs.add(parseSignatureLine(line));
    }
    return new Note(text, sigs);
  }

  private static NoteSignature parseSignatureLine(String line) {
    if (!line.startsWith(SIG_PREFIX)) {
      throw new FormatException("note: signature line does not start with an em dash and space");
    }
    String rest = line.substring(SIG_PREFIX.length());
    int space = rest.indexOf(' ');
    if (space <= 0 || rest.indexOf(' ', space + 1) >= 0) {
      throw new FormatException("note: expected '— <name> <signature>'");
    }
    byte[] blob = Base64s.decodeStrict(rest.substring(space + 1), "note signature");
    if (blob.length < 5) {
      throw new FormatException("note: signature shorter than its key hash");
    }
    int keyHash =
        ((blob[0] & 0xff) << 24)
            | ((blob[1] & 0xff) << 16)
            | ((blob[2] & 0xff) << 8)
            | (blob[3] & 0xff);
    return new NoteSignature(
        rest.substring(0, space), keyHash, java.util.Arrays.copyOfRange(blob, 4, blob.length));
  }

  // C2SP signed-note: text is UTF-8, ends in a newline, and has no control characters but \n.
  static void checkText(String text) {
    if (text.isEmpty() || !text.endsWith("\n")) {
      throw new FormatException("note: text must be non-empty and end in a newline");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\n') || c == 0x7f) {
        throw new FormatException("note: control character U+" + Integer.toHexString(c));
      }
      if (Character.isSurrogate(c)
          && !(Character.isHighSurrogate(c)
              && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(++i)))) {
        throw new FormatException("note: unpaired surrogate");
      }
    }
  }
}
