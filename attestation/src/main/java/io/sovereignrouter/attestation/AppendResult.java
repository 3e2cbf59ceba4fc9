package io.sovereignrouter.attestation;

/**
 * What an acknowledged append returns: the entry is durable at {@code index} in the tree of the
 * signed {@code checkpoint}, as {@code proof} shows.
 *
 * @param index the entry's leaf index
 * @param leafHash RFC 6962 leaf hash of the entry
 * @param proof inclusion proof against {@code checkpoint}
 * @param checkpoint the first checkpoint that includes the entry
 */
public record AppendResult(
    long index, Hash leafHash, InclusionProof proof, SignedCheckpoint checkpoint) {
  /**
   * Checks that the parts agree.
   *
   * @throws IllegalArgumentException if the proof does not match index or checkpoint size
   */
  public AppendResult {
    if (proof.leafIndex() != index || proof.treeSize() != checkpoint.checkpoint().size()) {
      throw new IllegalArgumentException("proof does not match index and checkpoint");
    }
  }
}
