package io.sovereignrouter.attestation;

import java.util.function.Function;

/**
 * A {@link TileStore} that several log processes (gateway replicas) append to, one integrator at a
 * time: the storage-level counterpart of {@link MerkleLog}'s single sequencer thread.
 *
 * <p>{@link #integrate} runs one integration under an exclusive lock held across every process
 * sharing the storage (a database advisory lock, say). The integration first sees the durable
 * checkpoint as of taking the lock, so a sequencer that another process has overtaken catches up
 * before it assigns indexes; it then stages tiles, entry bundles and the new checkpoint through the
 * {@link Integration}. They become visible and durable together when {@code integrate} returns, or
 * not at all. A log over a shared store therefore never publishes a checkpoint that names missing
 * tiles, never forks, and never needs {@link #discardBeyond} (a no-op here): crashed integrations
 * leave nothing behind.
 *
 * <p>Outside {@code integrate}, {@link #read} and {@link #readCheckpoint} see committed data only,
 * and once the lock is taken they see every integration committed before it. A resource read for a
 * path within a committed checkpoint is that tree's: tiles and bundles only ever grow by appending,
 * so a stored wider version serves every narrower one.
 */
public interface SharedTileStore extends TileStore {
  /**
   * Runs one integration exclusively and atomically.
   *
   * @param integration stages writes; if it throws, nothing is stored and the exception propagates
   * @param <T> its result
   * @return the integration's result, once its writes are durable
   * @throws LogStorageException if the lock cannot be taken or the commit fails; after a failed
   *     commit the outcome is unknown, which is safe because the next integration re-reads the
   *     durable checkpoint
   */
  <T> T integrate(Function<Integration, T> integration);

  /** One integration's view of the store while it holds the integrator lock. */
  interface Integration {
    /**
     * The durable checkpoint as of taking the lock.
     *
     * @return the signed note bytes, or empty for a new log
     */
    java.util.Optional<byte[]> checkpoint();

    /**
     * Stages a tile or entry bundle.
     *
     * @param path the resource
     * @param data its bytes
     */
    void write(TilePath path, byte[] data);

    /**
     * Stages the new checkpoint; must name only tiles staged now or stored before.
     *
     * @param signedNote the signed note bytes
     */
    void writeCheckpoint(byte[] signedNote);
  }
}
