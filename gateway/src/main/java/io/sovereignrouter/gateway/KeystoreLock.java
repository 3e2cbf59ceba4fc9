package io.sovereignrouter.gateway;

import io.sovereignrouter.keystore.KeystoreException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a keystore directory ({@code .lock}) held by a CLI writer ({@code keys put},
 * {@code kek rotate}) so two writers never interleave. Readers (a running gateway) take no lock:
 * every entry write is an atomic rename.
 */
final class KeystoreLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private KeystoreLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock, failing at once when another writer holds it.
   *
   * @param keystoreDir the keystore directory (exists)
   * @return the held lock
   * @throws KeystoreException when another process holds it
   */
  static KeystoreLock acquire(Path keystoreDir) throws IOException {
    FileChannel ch =
        FileChannel.open(
            keystoreDir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock l = ch.tryLock();
    if (l == null) {
      ch.close();
      throw new KeystoreException(
          "keystore " + keystoreDir + " is locked by another writer (keys put / kek rotate)");
    }
    return new KeystoreLock(ch, l);
  }

  @Override
  public void close() throws IOException {
    lock.release();
    channel.close();
  }
}
