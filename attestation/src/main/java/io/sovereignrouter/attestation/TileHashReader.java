package io.sovereignrouter.attestation;

import io.sovereignrouter.attestation.internal.TileCodec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads Merkle nodes of the tree of {@code treeSize} from C2SP tlog-tiles fetched through {@code
 * source} (a directory, an HTTP client, …): what a client needs to compute proofs itself instead of
 * trusting a server's. Tile level L holds the hashes of Merkle level 8L; a node higher inside a
 * tile is computed from them. Only nodes of complete subtrees within the tree are defined. Tiles
 * are cached per reader; not thread-safe.
 */
public final class TileHashReader implements HashReader {
  private static final int HEIGHT = 8;
  private final long treeSize;
  private final Function<TilePath, Optional<byte[]>> source;
  private final Map<TilePath, List<Hash>> tiles = new HashMap<>();

  /**
   * @param treeSize the tree whose tiles {@code source} serves
   * @param source fetches a tile's bytes, empty when it does not exist
   */
  public TileHashReader(long treeSize, Function<TilePath, Optional<byte[]>> source) {
    this.treeSize = treeSize;
    this.source = source;
  }

  /**
   * {@inheritDoc}
   *
   * @throws FormatException when a tile is missing, has the wrong length, or the node is not a
   *     complete subtree of the tree
   */
  @Override
  public Hash node(int level, long index) {
    int tileLevel = level / HEIGHT;
    int above = level % HEIGHT;
    long first = index << above;
    long tile = first / TilePath.FULL_WIDTH;
    int offset = (int) (first % TilePath.FULL_WIDTH);
    int count = 1 << above;
    long nodes = treeSize >>> (HEIGHT * tileLevel);
    long width = Math.min(TilePath.FULL_WIDTH, nodes - tile * TilePath.FULL_WIDTH);
    if (width <= 0 || offset + count > width) {
      throw new FormatException(
          "node (" + level + ", " + index + ") is not in the tree of size " + treeSize);
    }
    TilePath.Hashes path = new TilePath.Hashes(tileLevel, tile, (int) width);
    List<Hash> hashes =
        tiles.computeIfAbsent(
            path,
            p ->
                TileCodec.decodeHashes(
                    source.apply(p).orElseThrow(() -> new FormatException("missing " + p.format())),
                    p.width()));
    return perfectRoot(hashes, offset, count);
  }

  // RFC 6962 §2.1: MTH of a perfect subtree, bottom-up from its lowest stored level.
  private static Hash perfectRoot(List<Hash> hashes, int offset, int count) {
    if (count == 1) {
      return hashes.get(offset);
    }
    int half = count / 2;
    return Hash.ofNode(perfectRoot(hashes, offset, half), perfectRoot(hashes, offset + half, half));
  }
}
