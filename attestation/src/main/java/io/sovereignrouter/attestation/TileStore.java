package io.sovereignrouter.attestation;

import java.util.Optional;

/**
 * Storage for a C2SP tlog-tiles log: tiles, entry bundles and the checkpoint, addressed by their
 * tlog-tiles paths.
 *
 * <p>Contract: {@link #write} replaces a resource atomically (a reader sees the old bytes or the
 * new bytes, never a mix); after {@link #sync()} returns every earlier write is durable; {@link
 * #writeCheckpoint} is atomic and durable when it returns. The log writes tiles, syncs, then writes
 * the checkpoint, so a durable checkpoint only ever names durable tiles.
 */
public interface TileStore extends AutoCloseable {
  /**
   * Reads one tile or entry bundle.
   *
   * @param path the resource
   * @return its bytes, or empty if absent
   * @throws LogStorageException on I/O failure
   */
  Optional<byte[]> read(TilePath path);

  /**
   * Writes one tile or entry bundle atomically (durable after {@link #sync()}).
   *
   * @param path the resource
   * @param data its bytes
   * @throws LogStorageException on I/O failure
   */
  void write(TilePath path, byte[] data);

  /**
   * Makes every earlier {@link #write} durable.
   *
   * @throws LogStorageException on I/O failure
   */
  void sync();

  /**
   * Reads the latest signed checkpoint.
   *
   * @return the signed note bytes, or empty for a new log
   * @throws LogStorageException on I/O failure
   */
  Optional<byte[]> readCheckpoint();

  /**
   * Replaces the checkpoint atomically and durably.
   *
   * @param signedNote the signed note bytes
   * @throws LogStorageException on I/O failure
   */
  void writeCheckpoint(byte[] signedNote);

  /**
   * Deletes every tile and bundle that is not {@link TilePath#within} {@code treeSize}: leftovers
   * of an integration that crashed before its checkpoint. Called by {@link MerkleLog#open} with the
   * checkpoint's size, so that every stored resource belongs to a published tree.
   *
   * @param treeSize the durable checkpoint's size
   * @throws LogStorageException on I/O failure
   */
  void discardBeyond(long treeSize);

  /** Releases resources; does not throw checked exceptions. */
  @Override
  void close();
}
