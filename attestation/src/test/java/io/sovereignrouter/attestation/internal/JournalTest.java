package io.sovereignrouter.attestation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sovereignrouter.attestation.LogStorageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
  @TempDir Path dir;

  private static List<Journal.Record> records(long from, int count) {
    List<Journal.Record> out = new ArrayList<>();
    for (long i = from; i < from + count; i++) {
      out.add(new Journal.Record(i, ("entry-" + i).getBytes(StandardCharsets.UTF_8)));
    }
    return out;
  }

  private List<Path> segments() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.sorted().toList();
    }
  }

  private static List<Long> indexes(List<Journal.Record> records) {
    return records.stream().map(Journal.Record::index).toList();
  }

  @Test
  void recover_returnsEveryEntryBeyondTheCheckpointAcrossSegments() throws IOException {
    try (Journal j = Journal.open(dir, 100)) {
      assertThat(j.recover(0)).isEmpty();
      for (int b = 0; b < 10; b++) {
        j.append(records(b * 5L, 5));
      }
    }
    assertThat(segments()).hasSizeGreaterThan(3);
    try (Journal j = Journal.open(dir, 100)) {
      List<Journal.Record> pending = j.recover(17);
      assertThat(indexes(pending)).containsExactlyElementsOf(indexes(records(17, 33)));
      assertThat(pending.get(0).entry()).isEqualTo("entry-17".getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void recover_cutsATornTailAndKeepsEverythingBeforeIt() throws IOException {
    try (Journal j = Journal.open(dir)) {
      j.recover(0);
      j.append(records(0, 3));
    }
    Path segment = segments().get(0);
    long intact = Files.size(segment);
    // Half a record: a write the crash interrupted before its fsync, so never promised.
    Files.write(
        segment, new byte[] {0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 9, 'x'}, StandardOpenOption.APPEND);
    try (Journal j = Journal.open(dir)) {
      assertThat(indexes(j.recover(0))).containsExactly(0L, 1L, 2L);
      assertThat(Files.size(segment)).isEqualTo(intact);
      j.append(records(3, 1)); // the next write starts a new segment at the next index
    }
    try (Journal j = Journal.open(dir)) {
      assertThat(indexes(j.recover(1))).containsExactly(1L, 2L, 3L);
    }
  }

  @Test
  void recover_refusesACorruptRecordBeforeTheLastSegment() throws IOException {
    try (Journal j = Journal.open(dir, 10)) {
      j.recover(0);
      j.append(records(0, 2));
      j.append(records(2, 2));
    }
    Path first = segments().get(0);
    byte[] bytes = Files.readAllBytes(first);
    bytes[14] ^= 1; // inside the first entry: its checksum no longer matches
    Files.write(first, bytes);
    try (Journal j = Journal.open(dir, 10)) {
      assertThatThrownBy(() -> j.recover(0))
          .isInstanceOf(LogStorageException.class)
          .hasMessageContaining("corrupt at offset 0");
    }
  }

  @Test
  void recover_refusesAGapBetweenCheckpointAndJournal() throws IOException {
    try (Journal j = Journal.open(dir)) {
      j.recover(0);
      j.append(records(10, 2)); // as if entries 8 and 9 were lost
    }
    try (Journal j = Journal.open(dir)) {
      assertThatThrownBy(() -> j.recover(8))
          .isInstanceOf(LogStorageException.class)
          .hasMessageContaining("entry 8 is missing");
    }
  }

  @Test
  void release_deletesOnlySegmentsTheCheckpointCoversEntirely() throws IOException {
    try (Journal j = Journal.open(dir, 10)) {
      j.recover(0);
      j.append(records(0, 2));
      j.append(records(2, 2));
      j.append(records(4, 2));
      assertThat(segments()).hasSize(3);
      j.release(3); // segment [2,4) still holds entry 3
      assertThat(segments()).hasSize(2);
      j.release(100); // the segment being written is never deleted
      assertThat(segments()).hasSize(1);
      assertThat(segments().get(0).getFileName().toString()).isEqualTo("00000000000000000004.wal");
    }
  }
}
