package io.sovereignrouter.attestation;

import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 9162 §2.1.4 consistency proof: the tree of {@code size2} extends the tree of {@code
 * size1}.
 *
 * @param size1 size of the older tree
 * @param size2 size of the newer tree
 * @param hashes the proof hashes
 */
public record ConsistencyProof(long size1, long size2, List<Hash> hashes) {
  /**
   * Validates ranges and copies the proof.
   *
   * @throws FormatException on negative sizes or an over-long proof
   */
  public ConsistencyProof {
    if (size1 < 0 || size2 < 0) {
      throw new FormatException("consistency proof: negative size");
    }
    if (hashes.size() > 2 * InclusionProof.MAX_HASHES) {
      throw new FormatException("consistency proof: " + hashes.size() + " hashes, max 128");
    }
    hashes = List.copyOf(hashes);
  }

  /**
   * Verifies that the tree with {@code root2} of {@link #size2()} is an append-only extension of
   * the tree with {@code root1} of {@link #size1()}.
   *
   * @param root1 trusted root of the older tree
   * @param root2 trusted root of the newer tree
   * @return the outcome
   */
  public Verification verify(Hash root1, Hash root2) {
    if (size2 < size1) {
      return invalid("size1 " + size1 + " exceeds size2 " + size2);
    }
    if (size1 == size2) {
      if (!hashes.isEmpty()) {
        return invalid("expected 0 hashes for equal sizes, got " + hashes.size());
      }
      return root1.equals(root2)
          ? new Verification.Verified()
          : new Verification.RootMismatch(root1, root2);
    }
    if (size1 == 0) {
      // Every tree extends the empty tree.
      return hashes.isEmpty()
          ? new Verification.Verified()
          : invalid("expected 0 hashes from the empty tree, got " + hashes.size());
    }
    if (hashes.isEmpty()) {
      return invalid("empty proof between different sizes");
    }
    // RFC 9162 §2.1.4.2, step 1: a power-of-two first tree is its own first node.
    List<Hash> path = new ArrayList<>(hashes.size() + 1);
    if (Long.bitCount(size1) == 1) {
      path.add(root1);
    }
    path.addAll(hashes);
    long fn = size1 - 1;
    long sn = size2 - 1;
    while ((fn & 1) == 1) {
      fn >>>= 1;
      sn >>>= 1;
    }
    Hash fr = path.get(0);
    Hash sr = path.get(0);
    for (Hash c : path.subList(1, path.size())) {
      if (sn == 0) {
        return invalid("proof longer than expected (" + hashes.size() + " hashes)");
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = Hash.ofNode(c, fr);
        sr = Hash.ofNode(c, sr);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>>= 1;
            sn >>>= 1;
          }
        }
      } else {
        sr = Hash.ofNode(sr, c);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    if (sn != 0) {
      return invalid("proof shorter than expected (" + hashes.size() + " hashes)");
    }
    if (!fr.equals(root1)) {
      return new Verification.RootMismatch(root1, fr);
    }
    if (!sr.equals(root2)) {
      return new Verification.RootMismatch(root2, sr);
    }
    return new Verification.Verified();
  }

  private static Verification invalid(String reason) {
    return new Verification.Invalid("consistency proof: " + reason);
  }
}
