package io.sovereignrouter.attestation;

import java.util.List;

/**
 * An RFC 9162 §2.1.3 inclusion proof: the audit path of one leaf in a tree of {@code treeSize}.
 *
 * @param leafIndex zero-based index of the leaf
 * @param treeSize size of the tree the proof is against
 * @param hashes the audit path, leaf to root
 */
public record InclusionProof(long leafIndex, long treeSize, List<Hash> hashes) {
  /** Longest path a 64-bit tree can have. */
  static final int MAX_HASHES = 64;

  /**
   * Validates ranges and copies the path.
   *
   * @throws FormatException on negative sizes or an over-long path
   */
  public InclusionProof {
    if (leafIndex < 0 || treeSize < 0) {
      throw new FormatException("inclusion proof: negative index or size");
    }
    if (hashes.size() > MAX_HASHES) {
      throw new FormatException("inclusion proof: " + hashes.size() + " hashes, max 64");
    }
    hashes = List.copyOf(hashes);
  }

  /**
   * Verifies that {@code leafHash} sits at {@code leafIndex} in the tree with {@code rootHash}.
   *
   * @param leafHash RFC 6962 leaf hash of the entry
   * @param rootHash trusted root of a tree of {@link #treeSize()}
   * @return the outcome
   */
  public Verification verify(Hash leafHash, Hash rootHash) {
    // RFC 9162 §2.1.3.2, step 1.
    if (leafIndex >= treeSize) {
      return new Verification.Invalid(
          "inclusion proof: leaf index " + leafIndex + " not below tree size " + treeSize);
    }
    long fn = leafIndex;
    long sn = treeSize - 1;
    Hash r = leafHash;
    for (Hash p : hashes) {
      if (sn == 0) {
        return new Verification.Invalid(
            "inclusion proof: expected " + expectedLength() + " hashes, got " + hashes.size());
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = Hash.ofNode(p, r);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>>= 1;
            sn >>>= 1;
          }
        }
      } else {
        r = Hash.ofNode(r, p);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    if (sn != 0) {
      return new Verification.Invalid(
          "inclusion proof: expected " + expectedLength() + " hashes, got " + hashes.size());
    }
    return r.equals(rootHash)
        ? new Verification.Verified()
        : new Verification.RootMismatch(rootHash, r);
  }

  private int expectedLength() {
    return MerkleProofs.inclusionLength(leafIndex, treeSize);
  }
}
