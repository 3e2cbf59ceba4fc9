package io.sovereignrouter.attestation;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A {@link TileStore} in a directory laid out exactly as C2SP tlog-tiles serves it: {@code
 * checkpoint}, {@code tile/<L>/…}, {@code tile/entries/…}. A static file server over the directory
 * is a valid tlog-tiles endpoint.
 *
 * <p>Each file is written to a temporary sibling, fsynced, then renamed over the target, so no
 * reader ever sees a partial file. {@link #sync()} fsyncs the directories whose entries changed;
 * {@link #writeCheckpoint} also fsyncs its directory before returning. One writer per directory,
 * enforced with an OS file lock; within it, writes come from one thread (the log's sequencer);
 * concurrent readers are fine.
 */
public final class FileTileStore implements TileStore {
  private static final String CHECKPOINT = "checkpoint";
  private static final AtomicLong TEMP_COUNTER = new AtomicLong();

  private static final String LOCK = ".lock";

  private final Path root;
  private final Set<Path> dirtyDirs = new LinkedHashSet<>();
  private final FileChannel lockChannel;
  private final FileLock lock;

  private FileTileStore(Path root, FileChannel lockChannel, FileLock lock) {
    this.root = root;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /**
   * Opens (creating if needed) a store rooted at a directory for reading and writing. Takes an
   * exclusive OS lock on {@code .lock} in the directory, so a second writer (another process or
   * another writable store in this JVM) fails instead of corrupting the log; the OS releases the
   * lock if the process dies.
   *
   * @param root the log directory
   * @return the store
   * @throws LogStorageException if the directory cannot be created or another writer holds it
   */
  public static FileTileStore open(Path root) {
    Path abs = root.toAbsolutePath();
    FileChannel ch = null;
    try {
      Files.createDirectories(abs);
      ch = FileChannel.open(abs.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        throw new LogStorageException("log directory " + abs + " is in use by another writer");
      }
      return new FileTileStore(abs, ch, lock);
    } catch (IOException e) {
      closeQuietly(ch);
      throw new LogStorageException("cannot open log directory " + abs, e);
    } catch (LogStorageException e) {
      closeQuietly(ch);
      throw e;
    }
  }

  /**
   * Opens a store for reading only (auditing, serving): takes no lock and never writes.
   *
   * @param root the log directory
   * @return a read-only store; its write methods throw {@link LogStorageException}
   */
  public static TileStore openReadOnly(Path root) {
    FileTileStore store = new FileTileStore(root.toAbsolutePath(), null, null);
    return new TileStore() {
      @Override
      public Optional<byte[]> read(TilePath path) {
        return store.read(path);
      }

      @Override
      public void write(TilePath path, byte[] data) {
        throw new LogStorageException("read-only store");
      }

      @Override
      public void sync() {
        throw new LogStorageException("read-only store");
      }

      @Override
      public Optional<byte[]> readCheckpoint() {
        return store.readCheckpoint();
      }

      @Override
      public void writeCheckpoint(byte[] signedNote) {
        throw new LogStorageException("read-only store");
      }

      @Override
      public void discardBeyond(long treeSize) {
        throw new LogStorageException("read-only store");
      }

      @Override
      public void close() {}
    };
  }

  /**
   * The directory this store writes to.
   *
   * @return the root directory
   */
  public Path root() {
    return root;
  }

  @Override
  public Optional<byte[]> read(TilePath path) {
    return readFile(root.resolve(path.format()));
  }

  @Override
  public void write(TilePath path, byte[] data) {
    Path target = root.resolve(path.format());
    writeAtomically(target, data);
    dirtyDirs.add(target.getParent());
  }

  @Override
  public void sync() {
    for (Path dir : dirtyDirs) {
      fsyncDirectory(dir);
    }
    dirtyDirs.clear();
  }

  @Override
  public Optional<byte[]> readCheckpoint() {
    return readFile(root.resolve(CHECKPOINT));
  }

  @Override
  public void writeCheckpoint(byte[] signedNote) {
    writeAtomically(root.resolve(CHECKPOINT), signedNote);
    fsyncDirectory(root);
  }

  @Override
  public void discardBeyond(long treeSize) {
    Path tiles = root.resolve("tile");
    if (!Files.isDirectory(tiles)) {
      return;
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(tiles)) {
      files = walk.filter(Files::isRegularFile).toList();
    } catch (IOException e) {
      throw new LogStorageException("cannot list " + tiles, e);
    }
    for (Path f : files) {
      String rel = root.relativize(f).toString().replace(java.io.File.separatorChar, '/');
      boolean keep;
      if (f.getFileName().toString().startsWith(".")) {
        keep = false; // temporary file of an interrupted write
      } else {
        try {
          keep = TilePath.parse(rel).within(treeSize);
        } catch (FormatException e) {
          keep = true; // not ours: leave foreign files alone
        }
      }
      if (!keep) {
        try {
          Files.deleteIfExists(f);
        } catch (IOException e) {
          throw new LogStorageException("cannot delete " + f, e);
        }
        dirtyDirs.add(f.getParent());
      }
    }
    sync();
  }

  @Override
  public void close() {
    try {
      if (lock != null) {
        lock.release();
      }
    } catch (IOException e) {
      // Closing the channel below releases the lock as well.
    }
    closeQuietly(lockChannel);
  }

  private static void closeQuietly(FileChannel ch) {
    if (ch == null) {
      return;
    }
    try {
      ch.close();
    } catch (IOException e) {
      // Nothing useful to do: the lock dies with the channel or the process.
    }
  }

  private static Optional<byte[]> readFile(Path file) {
    try {
      return Optional.of(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new LogStorageException("cannot read " + file, e);
    }
  }

  private void writeAtomically(Path target, byte[] data) {
    Path dir = target.getParent();
    Path temp =
        dir.resolve(
            "."
                + target.getFileName()
                + ".tmp-"
                + ProcessHandle.current().pid()
                + "-"
                + TEMP_COUNTER.incrementAndGet());
    try {
      if (!Files.isDirectory(dir)) {
        createDirectoriesDurably(dir);
      }
      try (FileChannel ch =
          FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer buf = ByteBuffer.wrap(data);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new LogStorageException("file system cannot rename atomically under " + dir, e);
      }
    } catch (IOException e) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw new LogStorageException("cannot write " + target, e);
    }
  }

  // New directories must themselves be durable entries of their parents.
  private void createDirectoriesDurably(Path dir) throws IOException {
    Path parent = dir.getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      createDirectoriesDurably(parent);
    }
    try {
      Files.createDirectory(dir);
    } catch (java.nio.file.FileAlreadyExistsException e) {
      return;
    }
    if (parent != null) {
      dirtyDirs.add(parent);
    }
  }

  private static void fsyncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      throw new LogStorageException("cannot fsync directory " + dir, e);
    }
  }
}
