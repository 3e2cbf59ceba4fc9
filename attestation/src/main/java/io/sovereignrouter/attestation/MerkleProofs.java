package io.sovereignrouter.attestation;

import java.util.ArrayList;
import java.util.List;

/**
 * Generates roots and proofs of an RFC 6962 tree from stored node hashes. No I/O of its own: nodes
 * come from a {@link HashReader}.
 */
public final class MerkleProofs {
  private MerkleProofs() {}

  /**
   * Computes the root hash of the tree of the first {@code treeSize} leaves.
   *
   * @param treeSize number of leaves
   * @param reader stored nodes
   * @return MTH(D[0:treeSize]); {@link Hash#EMPTY} for size 0
   */
  public static Hash rootHash(long treeSize, HashReader reader) {
    requireSize(treeSize);
    return treeSize == 0 ? Hash.EMPTY : subtreeHash(0, treeSize, reader);
  }

  /**
   * Generates the RFC 6962 §2.1.1 audit path PATH(m, D[n]).
   *
   * @param leafIndex m, below {@code treeSize}
   * @param treeSize n
   * @param reader stored nodes
   * @return the proof
   * @throws IllegalArgumentException if the index is out of range
   */
  public static InclusionProof inclusion(long leafIndex, long treeSize, HashReader reader) {
    requireSize(treeSize);
    if (leafIndex < 0 || leafIndex >= treeSize) {
      throw new IllegalArgumentException(
          "leaf index " + leafIndex + " not in [0, " + treeSize + ")");
    }
    List<Hash> path = new ArrayList<>();
    path(leafIndex, 0, treeSize, reader, path);
    return new InclusionProof(leafIndex, treeSize, path);
  }

  /**
   * Generates the RFC 6962 §2.1.2 consistency proof PROOF(m, D[n]).
   *
   * @param size1 m, at most {@code size2}
   * @param size2 n
   * @param reader stored nodes of the tree of size n
   * @return the proof (empty when m is 0 or m equals n)
   * @throws IllegalArgumentException if the sizes are out of order
   */
  public static ConsistencyProof consistency(long size1, long size2, HashReader reader) {
    requireSize(size2);
    if (size1 < 0 || size1 > size2) {
      throw new IllegalArgumentException("size1 " + size1 + " not in [0, " + size2 + "]");
    }
    List<Hash> proof = new ArrayList<>();
    if (size1 > 0 && size1 < size2) {
      subproof(size1, 0, size2, true, reader, proof);
    }
    return new ConsistencyProof(size1, size2, proof);
  }

  /**
   * Length of the audit path for {@code leafIndex} in a tree of {@code treeSize}.
   *
   * @param leafIndex index below {@code treeSize}
   * @param treeSize tree size
   * @return number of hashes an inclusion proof has; 0 if the index is out of range
   */
  public static int inclusionLength(long leafIndex, long treeSize) {
    if (leafIndex < 0 || leafIndex >= treeSize) {
      return 0;
    }
    // Inner part: levels where the leaf and the last leaf differ; border: set bits above.
    int inner = 64 - Long.numberOfLeadingZeros(leafIndex ^ (treeSize - 1));
    int border = Long.bitCount(leafIndex >>> inner);
    return inner + border;
  }

  // RFC 6962 §2.1.1: PATH(m, D[n]) over the leaves [start, end).
  private static void path(long m, long start, long end, HashReader reader, List<Hash> out) {
    long n = end - start;
    if (n == 1) {
      return;
    }
    long k = Long.highestOneBit(n - 1);
    if (m < k) {
      path(m, start, start + k, reader, out);
      out.add(subtreeHash(start + k, end, reader));
    } else {
      path(m - k, start + k, end, reader, out);
      out.add(subtreeHash(start, start + k, reader));
    }
  }

  // RFC 6962 §2.1.2: SUBPROOF(m, D[n], b) over the leaves [start, end).
  private static void subproof(
      long m, long start, long end, boolean whole, HashReader reader, List<Hash> out) {
    long n = end - start;
    if (m == n) {
      if (!whole) {
        out.add(subtreeHash(start, end, reader));
      }
      return;
    }
    long k = Long.highestOneBit(n - 1);
    if (m <= k) {
      subproof(m, start, start + k, whole, reader, out);
      out.add(subtreeHash(start + k, end, reader));
    } else {
      subproof(m - k, start + k, end, false, reader, out);
      out.add(subtreeHash(start, start + k, reader));
    }
  }

  /**
   * MTH(D[start:end]) where {@code start} is a multiple of the largest power of two not above the
   * width, as every RFC 6962 split produces.
   */
  static Hash subtreeHash(long start, long end, HashReader reader) {
    long n = end - start;
    if (Long.bitCount(n) == 1) {
      int level = Long.numberOfTrailingZeros(n);
      if ((start & (n - 1)) != 0) {
        throw new IllegalStateException("unaligned subtree [" + start + ", " + end + ")");
      }
      return reader.node(level, start >>> level);
    }
    long k = Long.highestOneBit(n - 1);
    return Hash.ofNode(subtreeHash(start, start + k, reader), subtreeHash(start + k, end, reader));
  }

  private static void requireSize(long treeSize) {
    if (treeSize < 0) {
      throw new IllegalArgumentException("negative tree size " + treeSize);
    }
  }
}
