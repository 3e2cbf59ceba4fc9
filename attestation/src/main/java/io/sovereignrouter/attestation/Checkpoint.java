package io.sovereignrouter.attestation;

import java.util.List;

/**
 * A C2SP tlog-checkpoint body: origin line, decimal tree size, base64 root hash, then optional
 * extension lines, each ending in a newline.
 *
 * @param origin the log's identity, e.g. {@code sovereign.example/log}
 * @param size tree size
 * @param rootHash root hash of the tree of {@code size}
 * @param extensions opaque extension lines (without newlines), usually empty
 */
public record Checkpoint(String origin, long size, Hash rootHash, List<String> extensions) {
  /** Largest checkpoint body accepted. */
  public static final int MAX_SIZE = 16 * 1024;

  /**
   * Validates lines and copies extensions.
   *
   * @throws FormatException if a line is empty or contains a newline, or the size is negative
   */
  public Checkpoint {
    checkLine(origin, "origin");
    if (size < 0) {
      throw new FormatException("checkpoint: negative size");
    }
    for (String e : extensions) {
      checkLine(e, "extension line");
    }
    extensions = List.copyOf(extensions);
  }

  /**
   * A checkpoint without extension lines.
   *
   * @param origin log origin
   * @param size tree size
   * @param rootHash root hash
   * @return the checkpoint
   */
  public static Checkpoint of(String origin, long size, Hash rootHash) {
    return new Checkpoint(origin, size, rootHash, List.of());
  }

  /**
   * Formats the checkpoint body (the signed-note text).
   *
   * @return the body, ending in a newline
   */
  public String format() {
    StringBuilder sb = new StringBuilder();
    sb.append(origin).append('\n').append(size).append('\n').append(rootHash.format()).append('\n');
    for (String e : extensions) {
      sb.append(e).append('\n');
    }
    return sb.toString();
  }

  /**
   * Parses a checkpoint body strictly: exact newlines, no leading zeros, canonical base64.
   *
   * @param text the body (a note's text)
   * @return the checkpoint
   * @throws FormatException if malformed
   */
  public static Checkpoint parse(String text) {
    if (text.length() > MAX_SIZE) {
      throw new FormatException("checkpoint: longer than " + MAX_SIZE);
    }
    if (!text.endsWith("\n")) {
      throw new FormatException("checkpoint: does not end in a newline");
    }
    String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
    if (lines.length < 3) {
      throw new FormatException("checkpoint: expected at least 3 lines, got " + lines.length);
    }
    String sizeText = lines[1];
    if (sizeText.isEmpty()
        || sizeText.length() > 19
        || !sizeText.chars().allMatch(c -> c >= '0' && c <= '9')
        || (sizeText.length() > 1 && sizeText.charAt(0) == '0')) {
      throw new FormatException("checkpoint: bad tree size line");
    }
    long size;
    try {
      size = Long.parseLong(sizeText);
    } catch (NumberFormatException e) {
      throw new FormatException("checkpoint: tree size out of range", e);
    }
    Hash root = Hash.parse(lines[2]);
    Checkpoint cp = new Checkpoint(lines[0], size, root, List.of(lines).subList(3, lines.length));
    if (!cp.format().equals(text)) {
      throw new FormatException("checkpoint: not canonical");
    }
    return cp;
  }

  private static void checkLine(String line, String what) {
    if (line.isEmpty() || line.indexOf('\n') >= 0) {
      throw new FormatException("checkpoint: " + what + " must be one non-empty line");
    }
  }
}
