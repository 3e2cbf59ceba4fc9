package io.sovereignrouter.attestation.internal;

import io.sovereignrouter.attestation.Hash;
import io.sovereignrouter.attestation.LogStorageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;

/**
 * The write-ahead journal of a log that promises indexes before it proves them: entries with the
 * index the log assigned, made durable ({@code fdatasync}) before any promise is handed out, and
 * replayed at open for every index the durable checkpoint does not yet cover.
 *
 * <p>Segments are {@code <dir>/<first index, 20 digits>.wal}; a record is the index (8 bytes), the
 * entry length (4), the entry, and SHA-256 over those three (32), so a torn write is recognised. A
 * segment is deleted once a durable checkpoint covers all of its entries. {@link #append} is called
 * by one thread (the log's journal writer), {@link #release} by another (its sequencer).
 */
public final class Journal implements AutoCloseable {
  private static final String SUFFIX = ".wal";
  private static final int HEADER = 12;
  private static final long DEFAULT_SEGMENT_BYTES = 64L << 20;

  private final Path dir;
  private final long segmentBytes;
  // first index -> segment; entries of a segment run up to the next segment's first index.
  private final ConcurrentSkipListMap<Long, Path> segments = new ConcurrentSkipListMap<>();
  private FileChannel current; // journal writer thread only
  private long currentBytes;

  /**
   * One journaled entry.
   *
   * @param index the index the log assigned (and promised)
   * @param entry the entry bytes
   */
  public record Record(long index, byte[] entry) {}

  private Journal(Path dir, long segmentBytes) {
    this.dir = dir;
    this.segmentBytes = segmentBytes;
  }

  /**
   * Opens (creating if needed) a journal directory. Call {@link #recover} before appending.
   *
   * @param dir the directory
   * @return the journal
   * @throws LogStorageException if the directory cannot be read
   */
  public static Journal open(Path dir) {
    return open(dir, DEFAULT_SEGMENT_BYTES);
  }

  /**
   * Opens a journal that starts a new segment once the current one reaches {@code segmentBytes}.
   *
   * @param dir the directory
   * @param segmentBytes segment size threshold
   * @return the journal
   */
  static Journal open(Path dir, long segmentBytes) {
    Journal journal = new Journal(dir, segmentBytes);
    try {
      Files.createDirectories(dir);
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.toList()) {
          String name = f.getFileName().toString();
          if (name.endsWith(SUFFIX) && name.length() == 20 + SUFFIX.length()) {
            journal.segments.put(Long.parseLong(name.substring(0, 20)), f);
          }
        }
      }
    } catch (IOException | NumberFormatException e) {
      throw new LogStorageException("cannot open log journal " + dir, e);
    }
    return journal;
  }

  /**
   * Reads the entries a checkpoint of {@code durableSize} does not cover, in index order, and
   * deletes segments it covers entirely. A torn record at the end of the last segment (a write that
   * never completed its fsync, so was never promised) is cut off.
   *
   * @param durableSize size of the latest durable checkpoint
   * @return entries {@code durableSize, durableSize + 1, …}
   * @throws LogStorageException if a segment is corrupt before its end or entries are missing
   */
  public List<Record> recover(long durableSize) {
    List<Record> pending = new ArrayList<>();
    Long last = segments.isEmpty() ? null : segments.lastKey();
    for (Map.Entry<Long, Path> segment : segments.entrySet()) {
      Long next = segments.higherKey(segment.getKey());
      if (next != null && next <= durableSize) {
        continue; // covered by the checkpoint; released below
      }
      boolean isLast = segment.getKey().equals(last);
      for (Record r : read(segment.getKey(), segment.getValue(), isLast)) {
        if (r.index() >= durableSize) {
          long want = durableSize + pending.size();
          if (r.index() != want) {
            throw new LogStorageException(
                "log journal: entry " + want + " is missing (found " + r.index() + ")");
          }
          pending.add(r);
        }
      }
    }
    release(durableSize);
    return pending;
  }

  /**
   * Whether a journal directory holds any segment (so a log must replay it before appending).
   *
   * @param dir the journal directory
   * @return true if a segment exists
   */
  public static boolean exists(Path dir) {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(f -> f.getFileName().toString().endsWith(SUFFIX));
    } catch (IOException e) {
      throw new LogStorageException("cannot read log journal " + dir, e);
    }
  }

  private static List<Record> read(long first, Path file, boolean isLast) {
    try (FileChannel ch =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer all = ByteBuffer.allocate(Math.toIntExact(ch.size()));
      while (all.hasRemaining() && ch.read(all) >= 0) {
        // read fully
      }
      all.flip();
      List<Record> records = new ArrayList<>();
      while (all.hasRemaining()) {
        int start = all.position();
        Record r = parse(all);
        if (r == null || r.index() != first + records.size()) {
          if (!isLast) {
            throw new LogStorageException(
                "log journal segment " + file.getFileName() + " is corrupt at offset " + start);
          }
          ch.truncate(start); // torn tail: never acknowledged
          ch.force(true);
          break;
        }
        records.add(r);
      }
      return records;
    } catch (IOException e) {
      throw new LogStorageException("cannot read log journal segment " + file, e);
    }
  }

  // Null when the bytes at the buffer's position are not one whole, intact record.
  private static Record parse(ByteBuffer buf) {
    if (buf.remaining() < HEADER) {
      return null;
    }
    int start = buf.position();
    long index = buf.getLong();
    int length = buf.getInt();
    if (length < 0 || buf.remaining() < length + Hash.SIZE) {
      return null;
    }
    byte[] entry = new byte[length];
    buf.get(entry);
    byte[] sum = new byte[Hash.SIZE];
    buf.get(sum);
    byte[] covered = new byte[HEADER + length];
    buf.get(start, covered);
    if (!Hash.sha256(covered).equals(Hash.of(sum))) {
      return null;
    }
    return new Record(index, entry);
  }

  /**
   * Appends records (consecutive indexes) and makes them durable before returning.
   *
   * @param records the batch, in index order
   * @throws LogStorageException if writing or syncing failed (the journal's state is then unknown)
   */
  public void append(List<Record> records) {
    if (records.isEmpty()) {
      return;
    }
    int size = 0;
    for (Record r : records) {
      size += HEADER + r.entry().length + Hash.SIZE;
    }
    ByteBuffer buf = ByteBuffer.allocate(size);
    for (Record r : records) {
      int start = buf.position();
      buf.putLong(r.index()).putInt(r.entry().length).put(r.entry());
      byte[] covered = new byte[HEADER + r.entry().length];
      buf.get(start, covered);
      buf.put(Hash.sha256(covered).bytes());
    }
    buf.flip();
    try {
      if (current == null || currentBytes >= segmentBytes) {
        roll(records.get(0).index());
      }
      while (buf.hasRemaining()) {
        currentBytes += current.write(buf);
      }
      current.force(false);
    } catch (IOException e) {
      throw new LogStorageException("cannot write log journal", e);
    }
  }

  private void roll(long firstIndex) throws IOException {
    if (current != null) {
      current.close();
      current = null;
    }
    Path file = dir.resolve(String.format("%020d%s", firstIndex, SUFFIX));
    current =
        FileChannel.open(
            file,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE);
    currentBytes = 0;
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true); // the new file's name must survive a crash as surely as its records
    }
    segments.put(firstIndex, file);
  }

  /**
   * Deletes segments whose every entry is below {@code durableSize} (never the one being written).
   *
   * @param durableSize size of a durable checkpoint
   */
  public void release(long durableSize) {
    for (Long first : segments.keySet()) {
      Long next = segments.higherKey(first);
      if (next == null || next > durableSize) {
        return;
      }
      if (!deleteSegment(first)) {
        return;
      }
    }
  }

  private boolean deleteSegment(long first) {
    Path file = segments.remove(first);
    try {
      Files.deleteIfExists(file);
      return true;
    } catch (IOException e) {
      // Harmless: recovery skips entries a checkpoint covers, and the next release retries.
      segments.put(first, file);
      return false;
    }
  }

  /**
   * Closes the journal and deletes every segment. Only for a log that has stopped writing and whose
   * durable checkpoint covers every journaled entry.
   */
  public void clear() {
    close();
    for (Long first : List.copyOf(segments.keySet())) {
      if (!deleteSegment(first)) {
        return;
      }
    }
  }

  /** Closes the segment being written. */
  @Override
  public void close() {
    if (current != null) {
      try {
        current.close();
      } catch (IOException e) {
        // Every record was forced before it was promised; nothing is lost by a failed close.
      }
      current = null;
    }
  }
}
