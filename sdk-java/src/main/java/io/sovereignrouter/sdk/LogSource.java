package io.sovereignrouter.sdk;

import io.sovereignrouter.attestation.TilePath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A read-only view of an audit log as C2SP tlog-tiles: its current signed checkpoint and its tiles.
 * {@link SovereignClient#log()} reads the gateway's {@code /log/}; {@link #directory} reads a copy
 * on disk. Verification computes consistency proofs from the tiles itself rather than trusting a
 * server's.
 */
public interface LogSource {
  /**
   * The log's current checkpoint (a signed note).
   *
   * @return the note bytes
   * @throws SovereignException if it cannot be read
   */
  byte[] checkpoint();

  /**
   * A tile.
   *
   * @param path the tile's path
   * @return its bytes, empty when the log has no such tile
   * @throws SovereignException if it cannot be read
   */
  Optional<byte[]> tile(TilePath path);

  /**
   * A log stored in a directory ({@code checkpoint}, {@code tile/…}), e.g. a mirror.
   *
   * @param root the directory
   * @return the source
   */
  static LogSource directory(Path root) {
    return new LogSource() {
      @Override
      public byte[] checkpoint() {
        try {
          return Files.readAllBytes(root.resolve("checkpoint"));
        } catch (IOException e) {
          throw new SovereignConnectionException("cannot read the log's checkpoint", e);
        }
      }

      @Override
      public Optional<byte[]> tile(TilePath path) {
        try {
          return Optional.of(Files.readAllBytes(root.resolve(path.format())));
        } catch (NoSuchFileException e) {
          return Optional.empty();
        } catch (IOException e) {
          throw new SovereignConnectionException("cannot read " + path.format(), e);
        }
      }
    };
  }
}
