package io.sovereignrouter.attestation;

import java.util.ArrayList;
import java.util.List;

/** Naive in-memory trees for tests: every node recomputed from the leaves. */
final class TestTrees {
  private TestTrees() {}

  static List<Hash> leafHashes(List<byte[]> entries) {
    List<Hash> out = new ArrayList<>();
    for (byte[] e : entries) {
      out.add(Hash.ofLeaf(e));
    }
    return out;
  }

  /** A reader that computes node (level, index) by plain recursion over the leaf hashes. */
  static HashReader reader(List<Hash> leaves) {
    return (level, index) -> {
      long start = index << level;
      long end = start + (1L << level);
      if (end > leaves.size()) {
        throw new LogStorageException("node beyond test tree");
      }
      return perfect(leaves, (int) start, (int) end);
    };
  }

  private static Hash perfect(List<Hash> leaves, int start, int end) {
    if (end - start == 1) {
      return leaves.get(start);
    }
    int mid = (start + end) >>> 1;
    return Hash.ofNode(perfect(leaves, start, mid), perfect(leaves, mid, end));
  }

  static List<byte[]> numbered(int n) {
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(Integer.toString(i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    return out;
  }
}
