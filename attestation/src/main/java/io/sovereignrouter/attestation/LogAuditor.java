package io.sovereignrouter.attestation;

import io.sovereignrouter.attestation.internal.TileCodec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Audits a whole stored log offline: the checkpoint verifies under the log key, every entry bundle
 * decodes, every stored hash tile equals the hashes recomputed from the entries, and the entries
 * hash to the checkpoint's root. Needs memory for one hash per entry.
 */
public final class LogAuditor {
  private static final int WIDTH = TilePath.FULL_WIDTH;

  private LogAuditor() {}

  /**
   * Audits the log in a store against its verifier key.
   *
   * @param store the stored log (read only)
   * @param logKey the log's signed-note verifier key
   * @return {@link Verification.Verified}, or what failed first
   */
  public static Verification audit(TileStore store, NoteVerifierKey logKey) {
    Optional<byte[]> note = store.readCheckpoint();
    if (note.isEmpty()) {
      return new Verification.Invalid("audit: no checkpoint");
    }
    Checkpoint cp;
    try {
      switch (Checkpoints.open(note.get(), logKey)) {
        case CheckpointVerification.Valid v -> cp = v.signed().checkpoint();
        case CheckpointVerification.Invalid i -> {
          return new Verification.Invalid("audit: " + i.reason());
        }
      }
    } catch (FormatException e) {
      return new Verification.Invalid("audit: " + e.getMessage());
    }
    long size = cp.size();
    if (size > Integer.MAX_VALUE) {
      return new Verification.Invalid("audit: log too large to audit in memory");
    }
    List<Hash> level = new ArrayList<>((int) size);
    try {
      for (long t = 0; t * WIDTH < size; t++) {
        int w = (int) Math.min(WIDTH, size - t * WIDTH);
        TilePath.Entries path = new TilePath.Entries(t, w);
        Optional<byte[]> data = store.read(path);
        if (data.isEmpty()) {
          return new Verification.Invalid("audit: missing " + path.format());
        }
        for (byte[] e : TileCodec.decodeEntries(data.get(), w)) {
          level.add(Hash.ofLeaf(e));
        }
      }
      List<Hash> leaves = List.copyOf(level);
      for (int tileLevel = 0; !level.isEmpty(); tileLevel++) {
        List<Hash> next = new ArrayList<>();
        for (int t = 0; t * WIDTH < level.size(); t++) {
          int w = Math.min(WIDTH, level.size() - t * WIDTH);
          TilePath.Hashes path = new TilePath.Hashes(tileLevel, t, w);
          List<Hash> want = level.subList(t * WIDTH, t * WIDTH + w);
          Optional<byte[]> data = store.read(path);
          if (data.isEmpty()) {
            return new Verification.Invalid("audit: missing " + path.format());
          }
          if (!Arrays.equals(data.get(), TileCodec.encodeHashes(want))) {
            return new Verification.Invalid("audit: " + path.format() + " does not match entries");
          }
          if (w == WIDTH) {
            next.add(MerkleProofs.rootHash(WIDTH, (l, i) -> perfect(want, l, i)));
          }
        }
        level = next;
      }
      Hash root = MerkleProofs.rootHash(size, (l, i) -> perfect(leaves, l, i));
      return root.equals(cp.rootHash())
          ? new Verification.Verified()
          : new Verification.RootMismatch(cp.rootHash(), root);
    } catch (FormatException e) {
      return new Verification.Invalid("audit: " + e.getMessage());
    }
  }

  private static Hash perfect(List<Hash> hashes, int level, long index) {
    int start = (int) (index << level);
    return perfect(hashes, start, start + (1 << level));
  }

  private static Hash perfect(List<Hash> hashes, int start, int end) {
    if (end - start == 1) {
      return hashes.get(start);
    }
    int mid = (start + end) >>> 1;
    return Hash.ofNode(perfect(hashes, start, mid), perfect(hashes, mid, end));
  }
}
