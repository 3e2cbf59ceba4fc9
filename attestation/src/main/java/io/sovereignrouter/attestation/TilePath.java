package io.sovereignrouter.attestation;

/**
 * The path of one C2SP tlog-tiles resource: a hash tile {@code tile/<L>/<N>[.p/<W>]} or an entry
 * bundle {@code tile/entries/<N>[.p/<W>]}.
 *
 * <p>{@code N} is written as 3-digit groups, all but the last prefixed with {@code x} (1234067 →
 * {@code x001/x234/067}). A full tile has {@link #FULL_WIDTH} entries and no suffix; a partial tile
 * has width 1..255 and the suffix {@code .p/<W>}.
 */
public sealed interface TilePath {
  /** C2SP tlog-tiles: tiles have height 8, so a full tile holds 256 entries. */
  int FULL_WIDTH = 256;

  /** Longest path we accept: level, 7 groups of {@code N}, a partial suffix. */
  int MAX_LENGTH = 64;

  /**
   * Index of the tile among the tiles of its level.
   *
   * @return N
   */
  long index();

  /**
   * Number of entries the tile holds, 1..256.
   *
   * @return W (256 for a full tile)
   */
  int width();

  /**
   * Whether the tile holds 256 entries (and is immutable once written).
   *
   * @return true if full
   */
  default boolean full() {
    return width() == FULL_WIDTH;
  }

  /**
   * Whether this resource belongs to the tree of {@code treeSize}: a full tile whose entries all
   * lie within it, or the partial tile of exactly the width that tree has. A server should only
   * serve resources covered by its published checkpoint; anything else can be left over from an
   * integration that crashed before its checkpoint was written.
   *
   * @param treeSize size of a published tree
   * @return true if the tree of that size contains this resource
   */
  default boolean coveredBy(long treeSize) {
    long nodes = treeSize >>> (8 * tileLevel());
    long start = index() * FULL_WIDTH;
    return full() ? start + FULL_WIDTH <= nodes : start + width() == nodes;
  }

  /**
   * Whether this resource describes a tree of at most {@code treeSize} (every node or entry it
   * holds lies within that tree). After {@link MerkleLog#open} has discarded leftovers, every
   * stored resource within the published size belongs to some published tree and may be served.
   *
   * @param treeSize size of a published tree
   * @return true if the resource lies within that tree
   */
  default boolean within(long treeSize) {
    long nodes = treeSize >>> (8 * tileLevel());
    return index() * FULL_WIDTH + width() <= nodes;
  }

  private int tileLevel() {
    return switch (this) {
      case Hashes h -> h.level();
      case Entries e -> 0;
    };
  }

  /**
   * The relative path, e.g. {@code tile/0/x001/x234/067.p/8}.
   *
   * @return the path
   */
  String format();

  /**
   * A tile of hashes at tile level {@code level} (tree level {@code 8·level}).
   *
   * @param level tile level, 0..63
   * @param index N
   * @param width W, 1..256
   */
  record Hashes(int level, long index, int width) implements TilePath {
    /**
     * Validates ranges.
     *
     * @throws FormatException if out of range
     */
    public Hashes {
      if (level < 0 || level > 63) {
        throw new FormatException("tile path: level " + level + " not in 0..63");
      }
      checkIndexAndWidth(index, width);
    }

    @Override
    public String format() {
      return "tile/" + level + "/" + formatIndex(index, width);
    }
  }

  /**
   * A bundle of log entries, covering leaves {@code [256·N, 256·N + W)}.
   *
   * @param index N
   * @param width W, 1..256
   */
  record Entries(long index, int width) implements TilePath {
    /**
     * Validates ranges.
     *
     * @throws FormatException if out of range
     */
    public Entries {
      checkIndexAndWidth(index, width);
    }

    @Override
    public String format() {
      return "tile/entries/" + formatIndex(index, width);
    }
  }

  /**
   * Parses a relative tile path strictly (no leading zeros beyond the 3-digit groups, no extra
   * separators, the canonical form only).
   *
   * @param path text such as {@code tile/entries/x001/234.p/17}
   * @return the tile path
   * @throws FormatException if the path is not canonical
   */
  static TilePath parse(String path) {
    if (path.length() > MAX_LENGTH || !path.startsWith("tile/")) {
      throw new FormatException("tile path: expected tile/<L>/<N>[.p/<W>]");
    }
    String rest = path.substring("tile/".length());
    int slash = rest.indexOf('/');
    if (slash < 0) {
      throw new FormatException("tile path: missing index");
    }
    String head = rest.substring(0, slash);
    String tail = rest.substring(slash + 1);
    int width = FULL_WIDTH;
    int partial = tail.indexOf(".p/");
    if (partial >= 0) {
      width = parseDecimal(tail.substring(partial + 3), "width");
      tail = tail.substring(0, partial);
    }
    long index = 0;
    String[] groups = tail.split("/", -1);
    for (int i = 0; i < groups.length; i++) {
      String g = groups[i];
      boolean last = i == groups.length - 1;
      String digits = last ? g : (g.startsWith("x") ? g.substring(1) : "");
      if (digits.length() != 3 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw new FormatException("tile path: bad index element '" + g + "'");
      }
      if (index > (Long.MAX_VALUE - 999) / 1000) {
        throw new FormatException("tile path: index too large");
      }
      index = index * 1000 + Integer.parseInt(digits);
    }
    TilePath parsed =
        head.equals("entries")
            ? new Entries(index, width)
            : new Hashes(parseDecimal(head, "level"), index, width);
    // Canonical form only: re-formatting must give the input back.
    if (!parsed.format().equals(path)) {
      throw new FormatException("tile path: not canonical");
    }
    return parsed;
  }

  private static int parseDecimal(String s, String what) {
    if (s.isEmpty()
        || s.length() > 3
        || !s.chars().allMatch(c -> c >= '0' && c <= '9')
        || (s.length() > 1 && s.charAt(0) == '0')) {
      throw new FormatException("tile path: bad " + what + " '" + s + "'");
    }
    return Integer.parseInt(s);
  }

  private static void checkIndexAndWidth(long index, int width) {
    if (index < 0 || index > (Long.MAX_VALUE >>> 8)) {
      throw new FormatException("tile path: index " + index + " out of range");
    }
    if (width < 1 || width > FULL_WIDTH) {
      throw new FormatException("tile path: width " + width + " not in 1..256");
    }
  }

  private static String formatIndex(long index, int width) {
    StringBuilder sb = new StringBuilder();
    String digits = Long.toString(index);
    int pad = (3 - digits.length() % 3) % 3;
    digits = "0".repeat(pad) + digits;
    for (int i = 0; i < digits.length(); i += 3) {
      if (i + 3 < digits.length()) {
        sb.append('x').append(digits, i, i + 3).append('/');
      } else {
        sb.append(digits, i, i + 3);
      }
    }
    if (width != FULL_WIDTH) {
      sb.append(".p/").append(width);
    }
    return sb.toString();
  }
}
