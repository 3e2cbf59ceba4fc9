package io.sovereignrouter.keystore.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.UUID;

/**
 * Crash-safe file replacement: write a 0600 temporary file in the same directory, fsync it, rename
 * it over the target, fsync the directory. A reader sees the old file or the new one, never a torn
 * write.
 */
public final class AtomicFiles {
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private AtomicFiles() {}

  /**
   * Creates {@code dir} (mode 0700) if needed.
   *
   * @param dir the directory
   * @throws IOException on failure
   */
  public static void ensureDirectory(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    if (POSIX) {
      Files.createDirectories(
          dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } else {
      Files.createDirectories(dir);
    }
  }

  /**
   * Atomically replaces {@code target} with {@code bytes}, mode 0600.
   *
   * @param target the file to write
   * @param bytes the content
   * @throws IOException on failure; the target is then unchanged
   */
  public static void write(Path target, byte[] bytes) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Path tmp = dir.resolve("." + target.getFileName() + ".tmp-" + UUID.randomUUID());
    FileAttribute<?>[] attrs =
        POSIX
            ? new FileAttribute<?>[] {
              PosixFilePermissions.asFileAttribute(
                  Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE))
            }
            : new FileAttribute<?>[0];
    try {
      try (FileChannel ch =
          FileChannel.open(
              tmp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attrs)) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      try {
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("atomic rename not supported in " + dir, e);
      }
      fsyncDirectory(dir);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Deletes {@code target} and syncs its directory.
   *
   * @param target the file
   * @return true if it existed
   * @throws IOException on failure
   */
  public static boolean delete(Path target) throws IOException {
    boolean existed = Files.deleteIfExists(target);
    if (existed) {
      fsyncDirectory(target.toAbsolutePath().getParent());
    }
    return existed;
  }

  private static void fsyncDirectory(Path dir) throws IOException {
    if (!POSIX) {
      return;
    }
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    }
  }
}
