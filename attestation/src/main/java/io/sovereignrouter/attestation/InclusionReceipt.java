package io.sovereignrouter.attestation;

/**
 * What a client keeps to prove, offline, that an entry is in the log: the inclusion proof, the root
 * it leads to, and the signed checkpoint committing to that root. Its JSON form is the {@code
 * inclusion_proof} object of DESIGN §5 ({@link InclusionReceipts#format}).
 *
 * @param proof audit path of the entry
 * @param rootHash root of the tree of {@code proof.treeSize()}
 * @param checkpoint signed checkpoint of that tree
 */
public record InclusionReceipt(InclusionProof proof, Hash rootHash, SignedCheckpoint checkpoint) {
  /**
   * The receipt for an acknowledged append.
   *
   * @param result the append result
   * @return its receipt
   */
  public static InclusionReceipt of(AppendResult result) {
    return new InclusionReceipt(
        result.proof(), result.checkpoint().checkpoint().rootHash(), result.checkpoint());
  }
}
