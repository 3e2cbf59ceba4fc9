package io.sovereignrouter.attestation;

/**
 * Source of stored Merkle node hashes, the one read operation proof generation needs.
 *
 * <p>A node at {@code level} L and {@code index} i is the root of the complete subtree over leaves
 * {@code [i·2^L, (i+1)·2^L)}; level 0 holds leaf hashes. Callers only ask for nodes whose subtree
 * is complete in the tree they are proving against.
 */
@FunctionalInterface
public interface HashReader {
  /**
   * Returns the hash of one complete node.
   *
   * @param level height above the leaves (0 = leaf hash)
   * @param index position among the nodes of that level
   * @return the node hash
   * @throws LogStorageException if the node is not available
   */
  Hash node(int level, long index);
}
