package io.sovereignrouter.attestation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sovereignrouter.attestation.internal.Journal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournaledMerkleLogTest {
  private static final Ed25519Signer KEY =
      Ed25519Signer.generate("sovereign.example/log", new SecureRandom());
  private static final LogConfig CONFIG = new LogConfig(Duration.ofMillis(2), 64, 10_000);

  @TempDir Path dir;

  private static byte[] entry(int i) {
    return ("entry-" + i).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void appendPromised_promisesTheIndexItLaterProves() throws Exception {
    try (MerkleLog log = MerkleLog.openJournaled(FileTileStore.open(dir), KEY, CONFIG)) {
      assertThat(log.journaled()).isTrue();
      List<MerkleLog.PromisedAppend> appends = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        appends.add(i % 3 == 0 ? promised(log.append(entry(i))) : log.appendPromised(entry(i)));
      }
      for (int i = 0; i < appends.size(); i++) {
        AppendResult proven = appends.get(i).proven().get();
        assertThat(proven.index()).isEqualTo(i);
        assertThat(log.entry(i)).isEqualTo(entry(i));
        if (appends.get(i).promised() == null) {
          continue;
        }
        InclusionPromise promise = appends.get(i).promised().get();
        assertThat(promise.index()).isEqualTo(proven.index());
        assertThat(promise.leafHash()).isEqualTo(Hash.ofLeaf(entry(i)));
        assertThat(promise.origin()).isEqualTo(KEY.name());
        String signed = InclusionPromises.sign(promise, KEY).format();
        assertThat(InclusionPromises.verify(signed, KEY.verifierKey(), entry(i), i).ok()).isTrue();
      }
      assertThat(log.checkpoint().checkpoint().size()).isEqualTo(300);
    }
    // A clean close leaves no journal: everything journaled is in the tree.
    assertThat(Journal.exists(dir.resolve(MerkleLog.JOURNAL_DIR))).isFalse();
  }

  private static MerkleLog.PromisedAppend promised(
      java.util.concurrent.CompletableFuture<AppendResult> proven) {
    return new MerkleLog.PromisedAppend(null, proven);
  }

  @Test
  void open_replaysJournaledEntriesAtTheirPromisedIndexes() throws Exception {
    try (MerkleLog log = MerkleLog.openJournaled(FileTileStore.open(dir), KEY, CONFIG)) {
      for (int i = 0; i < 10; i++) {
        log.appendPromised(entry(i)).proven().get();
      }
    }
    // A crash after the journal's fsync and before integration leaves exactly this on disk.
    try (Journal journal = Journal.open(dir.resolve(MerkleLog.JOURNAL_DIR))) {
      journal.recover(10);
      List<Journal.Record> promised = new ArrayList<>();
      for (int i = 10; i < 15; i++) {
        promised.add(new Journal.Record(i, entry(i)));
      }
      journal.append(promised);
    }
    try (MerkleLog log = MerkleLog.openJournaled(FileTileStore.open(dir), KEY, CONFIG)) {
      assertThat(log.checkpoint().checkpoint().size()).isEqualTo(15);
      for (int i = 0; i < 15; i++) {
        assertThat(log.entry(i)).isEqualTo(entry(i));
      }
      assertThat(log.appendPromised(entry(15)).promised().get().index()).isEqualTo(15);
    }
    assertThat(LogAuditor.audit(FileTileStore.openReadOnly(dir), KEY.verifierKey()).ok()).isTrue();
  }

  @Test
  void plainOpen_replaysAJournalLeftByAJournaledRunBeforeAssigningIndexes() throws Exception {
    try (MerkleLog log = MerkleLog.openJournaled(FileTileStore.open(dir), KEY, CONFIG)) {
      log.append(entry(0)).get();
    }
    try (Journal journal = Journal.open(dir.resolve(MerkleLog.JOURNAL_DIR))) {
      journal.recover(1);
      journal.append(List.of(new Journal.Record(1, entry(1)), new Journal.Record(2, entry(2))));
    }
    try (MerkleLog log = MerkleLog.open(FileTileStore.open(dir), KEY, CONFIG)) {
      assertThat(log.checkpoint().checkpoint().size()).isEqualTo(3);
      assertThat(log.entry(2)).isEqualTo(entry(2));
      assertThat(log.append(entry(3)).get().index()).isEqualTo(3);
    }
    assertThat(Journal.exists(dir.resolve(MerkleLog.JOURNAL_DIR))).isFalse();
  }

  @Test
  void openJournaled_refusesAJournalThatSkipsPromisedIndexes() throws Exception {
    try (MerkleLog log = MerkleLog.openJournaled(FileTileStore.open(dir), KEY, CONFIG)) {
      log.append(entry(0)).get();
    }
    try (Journal journal = Journal.open(dir.resolve(MerkleLog.JOURNAL_DIR))) {
      journal.recover(1);
      journal.append(List.of(new Journal.Record(3, entry(3))));
    }
    assertThatThrownBy(() -> MerkleLog.openJournaled(FileTileStore.open(dir), KEY, CONFIG))
        .isInstanceOf(LogStorageException.class)
        .hasMessageContaining("entry 1 is missing");
    // The store was released, so a corrected retry can open the directory.
    FileTileStore.open(dir).close();
  }

  @Test
  void appendPromised_onAPlainLogIsRefused() {
    try (MerkleLog log = MerkleLog.open(FileTileStore.open(dir), KEY, CONFIG)) {
      assertThat(log.journaled()).isFalse();
      assertThatThrownBy(() -> log.appendPromised(entry(0)))
          .isInstanceOf(IllegalStateException.class);
    }
  }
}
