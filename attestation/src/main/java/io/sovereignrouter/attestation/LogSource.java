package io.sovereignrouter.attestation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A read-only view of a log as C2SP tlog-tiles, the one kind of I/O {@link AttestationVerifier}
 * needs: the current signed checkpoint and tiles. Callers supply the transport (a directory here, a
 * {@link TileStore}, an HTTP client in the gateway's CLI or the SDK); verification computes
 * consistency proofs from the tiles itself rather than trusting a server's proof.
 */
public interface LogSource {
  /**
   * The log's current checkpoint.
   *
   * @return the signed-note bytes
   * @throws AttestationException (or the caller's own unchecked exception) if it cannot be read
   */
  byte[] checkpoint();

  /**
   * One tile.
   *
   * @param path the tile's path
   * @return its bytes, empty when the log has no such tile
   * @throws AttestationException (or the caller's own unchecked exception) if it cannot be read
   */
  Optional<byte[]> tile(TilePath path);

  /**
   * A log stored in a directory laid out as tlog-tiles ({@code checkpoint}, {@code tile/…}), such
   * as a gateway's {@code .sovereign/log/} or a mirror of it.
   *
   * @param root the directory
   * @return the source; reads block
   */
  static LogSource directory(Path root) {
    return new LogSource() {
      @Override
      public byte[] checkpoint() {
        try {
          return Files.readAllBytes(root.resolve("checkpoint"));
        } catch (IOException e) {
          throw new LogStorageException("cannot read " + root.resolve("checkpoint"), e);
        }
      }

      @Override
      public Optional<byte[]> tile(TilePath path) {
        try {
          return Optional.of(Files.readAllBytes(root.resolve(path.format())));
        } catch (NoSuchFileException e) {
          return Optional.empty();
        } catch (IOException e) {
          throw new LogStorageException("cannot read " + path.format(), e);
        }
      }
    };
  }

  /**
   * A view of a {@link TileStore}.
   *
   * @param store the store (not closed by the view)
   * @return the source
   */
  static LogSource of(TileStore store) {
    return new LogSource() {
      @Override
      public byte[] checkpoint() {
        return store.readCheckpoint().orElseThrow(() -> new LogStorageException("no checkpoint"));
      }

      @Override
      public Optional<byte[]> tile(TilePath path) {
        return store.read(path);
      }
    };
  }
}
