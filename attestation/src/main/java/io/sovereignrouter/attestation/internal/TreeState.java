package io.sovereignrouter.attestation.internal;

import io.sovereignrouter.attestation.FormatException;
import io.sovereignrouter.attestation.Hash;
import io.sovereignrouter.attestation.HashReader;
import io.sovereignrouter.attestation.LogStorageException;
import io.sovereignrouter.attestation.TilePath;
import io.sovereignrouter.attestation.TileStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The in-memory right edge of a tiled Merkle tree plus caches, backed by a {@link TileStore}.
 *
 * <p>Holds, per tile level, the hashes of the rightmost (partial) tile and the entries of the
 * rightmost bundle; full tiles are read from the store through an LRU cache. Because tiles only
 * ever grow by appending, a tile of width {@code w} is the prefix of any wider version, so the
 * current edge serves nodes of every earlier tree size too. Not thread-safe: the owning log guards
 * it with a lock.
 */
public final class TreeState implements HashReader {
  private static final int HEIGHT = 8;
  private static final int WIDTH = TilePath.FULL_WIDTH;
  private static final int TILE_CACHE = 1024;
  private static final int NODE_CACHE = 1 << 16;

  private final TileStore store;
  private final List<List<Hash>> edges = new ArrayList<>();
  private final List<byte[]> entryEdge = new ArrayList<>();
  private final Map<Long, List<Hash>> unwrittenTiles = new LinkedHashMap<>();
  private final Map<Long, List<byte[]>> unwrittenBundles = new LinkedHashMap<>();
  private final Map<Long, List<Hash>> tileCache = lru(TILE_CACHE);
  private final Map<Long, Hash> nodeCache = lru(NODE_CACHE);
  private long size;
  private long flushedSize;
  private List<List<Hash>> flushedEdges = List.of();
  private List<byte[]> flushedEntryEdge = List.of();

  private TreeState(TileStore store, long size) {
    this.store = store;
    this.size = size;
    this.flushedSize = size;
  }

  /**
   * An empty tree.
   *
   * @param store backing store
   * @return the state
   */
  public static TreeState empty(TileStore store) {
    return new TreeState(store, 0);
  }

  /**
   * Loads the right edge of the tree of {@code size} from stored partial tiles.
   *
   * @param store backing store
   * @param size tree size named by the trusted checkpoint
   * @return the state
   * @throws LogStorageException if a tile or bundle is missing or malformed
   */
  public static TreeState load(TileStore store, long size) {
    TreeState s = new TreeState(store, size);
    for (int level = 0; (size >>> (HEIGHT * level)) > 0; level++) {
      long nodes = size >>> (HEIGHT * level);
      int w = (int) (nodes % WIDTH);
      List<Hash> edge = new ArrayList<>(WIDTH);
      if (w > 0) {
        TilePath.Hashes path = new TilePath.Hashes(level, nodes / WIDTH, w);
        edge.addAll(decode(path, store.read(path)));
      }
      s.edges.add(edge);
    }
    int w = (int) (size % WIDTH);
    if (w > 0) {
      TilePath.Entries path = new TilePath.Entries(size / WIDTH, w);
      byte[] data = store.read(path).orElseThrow(() -> missing(path));
      try {
        s.entryEdge.addAll(TileCodec.decodeEntries(data, w));
      } catch (FormatException e) {
        throw new LogStorageException("corrupt " + path.format() + ": " + e.getMessage(), e);
      }
      for (int i = 0; i < w; i++) {
        if (!Hash.ofLeaf(s.entryEdge.get(i)).equals(s.edges.get(0).get(i))) {
          throw new LogStorageException(
              "corrupt " + path.format() + ": entry " + i + " does not match its leaf hash");
        }
      }
    }
    s.mark();
    return s;
  }

  /**
   * Number of leaves integrated (including ones not yet flushed).
   *
   * @return the size
   */
  public long size() {
    return size;
  }

  /**
   * Integrates one entry in memory.
   *
   * @param entry the entry bytes
   * @param leafHash its RFC 6962 leaf hash
   * @return the entry's index
   */
  public long append(byte[] entry, Hash leafHash) {
    long index = size;
    size++;
    entryEdge.add(entry);
    if (entryEdge.size() == WIDTH) {
      unwrittenBundles.put(index / WIDTH, List.copyOf(entryEdge));
      entryEdge.clear();
    }
    addHash(0, leafHash);
    return index;
  }

  private void addHash(int level, Hash h) {
    if (edges.size() == level) {
      edges.add(new ArrayList<>(WIDTH));
    }
    List<Hash> edge = edges.get(level);
    edge.add(h);
    if (edge.size() == WIDTH) {
      long tile = ((size >>> (HEIGHT * level)) - 1) / WIDTH;
      List<Hash> full = List.copyOf(edge);
      edge.clear();
      unwrittenTiles.put(key(level, tile), full);
      addHash(level + 1, perfectRoot(full, 0, WIDTH));
    }
  }

  /**
   * The resources to write so that the store holds the tree of {@link #size()}: newly full tiles
   * and bundles, and the partial tiles whose width changed since the last flush.
   *
   * @return paths and bytes, in write order
   */
  public Map<TilePath, byte[]> pendingWrites() {
    Map<TilePath, byte[]> out = new LinkedHashMap<>();
    for (Map.Entry<Long, List<byte[]>> e : unwrittenBundles.entrySet()) {
      out.put(new TilePath.Entries(e.getKey(), WIDTH), TileCodec.encodeEntries(e.getValue()));
    }
    if (size != flushedSize && !entryEdge.isEmpty()) {
      out.put(
          new TilePath.Entries(size / WIDTH, entryEdge.size()), TileCodec.encodeEntries(entryEdge));
    }
    for (Map.Entry<Long, List<Hash>> e : unwrittenTiles.entrySet()) {
      int level = (int) (e.getKey() >>> 58);
      long tile = e.getKey() & ((1L << 58) - 1);
      out.put(new TilePath.Hashes(level, tile, WIDTH), TileCodec.encodeHashes(e.getValue()));
    }
    for (int level = 0; level < edges.size(); level++) {
      long nodes = size >>> (HEIGHT * level);
      boolean changed = nodes != (flushedSize >>> (HEIGHT * level));
      List<Hash> edge = edges.get(level);
      if (changed && !edge.isEmpty()) {
        out.put(
            new TilePath.Hashes(level, nodes / WIDTH, edge.size()), TileCodec.encodeHashes(edge));
      }
    }
    return out;
  }

  /** Records that {@link #pendingWrites()} reached the store; full tiles move to the cache. */
  public void flushed() {
    tileCache.putAll(unwrittenTiles);
    unwrittenTiles.clear();
    unwrittenBundles.clear();
    flushedSize = size;
    mark();
  }

  /**
   * Forgets everything appended since the last {@link #flushed()}: the batch was not published, so
   * its indexes are free again. Caches that may hold its nodes are dropped.
   */
  public void rollback() {
    size = flushedSize;
    edges.clear();
    for (List<Hash> e : flushedEdges) {
      edges.add(new ArrayList<>(e));
    }
    entryEdge.clear();
    entryEdge.addAll(flushedEntryEdge);
    unwrittenTiles.clear();
    unwrittenBundles.clear();
    nodeCache.clear();
    tileCache.clear();
  }

  private void mark() {
    List<List<Hash>> copy = new ArrayList<>(edges.size());
    for (List<Hash> e : edges) {
      copy.add(List.copyOf(e));
    }
    flushedEdges = copy;
    flushedEntryEdge = List.copyOf(entryEdge);
  }

  /**
   * Reads one entry.
   *
   * @param index entry index below {@link #size()}
   * @return the entry bytes
   */
  public byte[] entry(long index) {
    long bundle = index / WIDTH;
    int offset = (int) (index % WIDTH);
    if (bundle == size / WIDTH) {
      return entryEdge.get(offset).clone();
    }
    List<byte[]> pending = unwrittenBundles.get(bundle);
    if (pending != null) {
      return pending.get(offset).clone();
    }
    TilePath.Entries path = new TilePath.Entries(bundle, WIDTH);
    byte[] data = store.read(path).orElseThrow(() -> missing(path));
    try {
      return TileCodec.decodeEntries(data, WIDTH).get(offset);
    } catch (FormatException e) {
      throw new LogStorageException("corrupt " + path.format() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Hash node(int level, long index) {
    int tileLevel = level / HEIGHT;
    int r = level % HEIGHT;
    if (r != 0) {
      Hash cached = nodeCache.get(key(level, index));
      if (cached != null) {
        return cached;
      }
    }
    long first = index << r;
    long tile = first / WIDTH;
    int offset = (int) (first % WIDTH);
    int count = 1 << r;
    List<Hash> hashes = tileHashes(tileLevel, tile);
    if (offset + count > hashes.size()) {
      throw new LogStorageException(
          "node (" + level + ", " + index + ") is not complete in the stored tree");
    }
    Hash h = perfectRoot(hashes, offset, count);
    if (r != 0) {
      nodeCache.put(key(level, index), h);
    }
    return h;
  }

  private List<Hash> tileHashes(int level, long tile) {
    long nodes = size >>> (HEIGHT * level);
    if (tile == nodes / WIDTH) {
      return level < edges.size() ? edges.get(level) : List.of();
    }
    if (tile > nodes / WIDTH) {
      throw new LogStorageException("tile (" + level + ", " + tile + ") is beyond the tree");
    }
    Long k = key(level, tile);
    List<Hash> h = unwrittenTiles.get(k);
    if (h == null) {
      h = tileCache.get(k);
    }
    if (h == null) {
      TilePath.Hashes path = new TilePath.Hashes(level, tile, WIDTH);
      h = decode(path, store.read(path));
      tileCache.put(k, h);
    }
    return h;
  }

  private static List<Hash> decode(TilePath.Hashes path, java.util.Optional<byte[]> data) {
    try {
      return TileCodec.decodeHashes(data.orElseThrow(() -> missing(path)), path.width());
    } catch (FormatException e) {
      throw new LogStorageException("corrupt " + path.format() + ": " + e.getMessage(), e);
    }
  }

  // RFC 6962 §2.1: MTH of a perfect subtree, computed bottom-up from its leaves' level.
  private static Hash perfectRoot(List<Hash> hashes, int offset, int count) {
    if (count == 1) {
      return hashes.get(offset);
    }
    Hash[] level = hashes.subList(offset, offset + count).toArray(Hash[]::new);
    for (int n = count; n > 1; n /= 2) {
      for (int i = 0; i < n / 2; i++) {
        level[i] = Hash.ofNode(level[2 * i], level[2 * i + 1]);
      }
    }
    return level[0];
  }

  private static long key(int level, long index) {
    return ((long) level << 58) | index;
  }

  private static LogStorageException missing(TilePath path) {
    return new LogStorageException("missing " + path.format());
  }

  private static <K, V> Map<K, V> lru(int max) {
    return new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > max;
      }
    };
  }
}
