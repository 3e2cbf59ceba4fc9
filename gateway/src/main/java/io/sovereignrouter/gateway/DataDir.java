package io.sovereignrouter.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The data directory ({@code .sovereign/} by default): created 0700, secret files 0600, each
 * written atomically so a crash never leaves a half-written token behind.
 */
public final class DataDir {
  private static final Set<PosixFilePermission> OWNER_ONLY_FILE =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> PUBLIC_FILE =
      PosixFilePermissions.fromString("rw-r--r--");
  private static final Set<PosixFilePermission> OWNER_ONLY_DIR =
      PosixFilePermissions.fromString("rwx------");
  private final Path root;

  private DataDir(Path root) {
    this.root = root;
  }

  /** Opens {@code root}, creating it owner-only when missing. */
  public static DataDir open(Path root) {
    try {
      if (!Files.isDirectory(root)) {
        Files.createDirectories(root);
        setPermissions(root, OWNER_ONLY_DIR);
      }
      return new DataDir(root.toAbsolutePath().normalize());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create data dir " + root, e);
    }
  }

  /** The directory. */
  public Path root() {
    return root;
  }

  /** A path inside the directory. */
  public Path resolve(String name) {
    return root.resolve(name);
  }

  /**
   * Returns the path of {@code name}, creating it empty with mode 0600 when missing, so that files
   * other libraries then write (SQLite and its -wal/-shm siblings copy the mode) stay private.
   */
  public Path privateFile(String name) {
    Path file = root.resolve(name);
    try {
      if (!Files.exists(file)) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + file, e);
    }
  }

  /** Reads a secret file's trimmed content, when the file exists. */
  public Optional<String> readSecret(String name) {
    Path file = root.resolve(name);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      setPermissions(file, OWNER_ONLY_FILE);
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8).trim());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * Returns the secret in {@code name}, creating it from {@code generator} when missing.
   *
   * @return the value and whether it was created now
   */
  public Secret secret(String name, Supplier<String> generator) {
    Optional<String> existing = readSecret(name);
    if (existing.isPresent()) {
      return new Secret(existing.get(), false);
    }
    String value = generator.get();
    writeSecret(name, value);
    return new Secret(value, true);
  }

  /** Writes a non-secret file (e.g. a public key) atomically, world-readable. */
  public void writePublic(String name, String value) {
    write(name, value, PUBLIC_FILE);
  }

  /** Writes a secret file atomically with mode 0600. */
  public void writeSecret(String name, String value) {
    write(name, value, OWNER_ONLY_FILE);
  }

  /** Temp file created with its final mode, then renamed over the target. */
  private void write(String name, String value, Set<PosixFilePermission> mode) {
    Path target = root.resolve(name);
    Path temp = root.resolve("." + name + ".tmp");
    try {
      Files.deleteIfExists(temp);
      Files.createFile(temp, PosixFilePermissions.asFileAttribute(mode));
      Files.writeString(temp, value + "\n", StandardCharsets.UTF_8);
      force(temp);
      try {
        Files.move(
            temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      force(root); // the rename itself must survive a crash (a log key is written before use)
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

  /**
   * Renames a file in the directory atomically and durably (replacing the target).
   *
   * @param from the file's name
   * @param to its new name
   */
  public void rename(String from, String to) {
    try {
      Files.move(
          root.resolve(from),
          root.resolve(to),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
      force(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rename " + from + " to " + to + " in " + root, e);
    }
  }

  private static void force(Path path) throws IOException {
    try (java.nio.channels.FileChannel ch =
        java.nio.channels.FileChannel.open(
            path,
            Files.isDirectory(path)
                ? java.nio.file.StandardOpenOption.READ
                : java.nio.file.StandardOpenOption.WRITE)) {
      ch.force(true);
    }
  }

  private static void setPermissions(Path path, Set<PosixFilePermission> permissions)
      throws IOException {
    if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(path, permissions);
    }
  }

  /**
   * A secret read from or just written to the data directory.
   *
   * @param value the secret
   * @param created whether this start created it (and so may show it once)
   */
  public record Secret(String value, boolean created) {
    /** Never prints the value. */
    @Override
    public String toString() {
      return "Secret[created=" + created + "]";
    }
  }
}
