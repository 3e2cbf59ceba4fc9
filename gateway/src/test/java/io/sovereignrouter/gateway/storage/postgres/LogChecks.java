package io.sovereignrouter.gateway.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.sovereignrouter.attestation.Checkpoint;
import io.sovereignrouter.attestation.CheckpointVerification;
import io.sovereignrouter.attestation.Checkpoints;
import io.sovereignrouter.attestation.ConsistencyProof;
import io.sovereignrouter.attestation.Hash;
import io.sovereignrouter.attestation.MerkleLog;
import io.sovereignrouter.attestation.NoteVerifierKey;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Checks a recovered shared log against everything its writers acknowledged. */
final class LogChecks {
  private LogChecks() {}

  /**
   * Every acknowledged entry is at its index; no index is skipped or duplicated; the latest
   * checkpoint verifies; every handed-out checkpoint is consistent with it and no two disagree.
   *
   * @param log a log opened on the recovered storage
   * @param acked index → entry, from every writer
   * @param checkpoints signed notes handed out by every writer
   */
  static void check(
      MerkleLog log, NoteVerifierKey key, Map<Long, byte[]> acked, Collection<byte[]> checkpoints) {
    assertThat(Checkpoints.open(log.checkpoint().bytes(), key))
        .isInstanceOf(CheckpointVerification.Valid.class);
    Checkpoint latest = log.checkpoint().checkpoint();
    for (Map.Entry<Long, byte[]> a : acked.entrySet()) {
      assertThat(a.getKey()).isLessThan(latest.size());
      assertThat(log.entry(a.getKey())).as("entry %d", a.getKey()).isEqualTo(a.getValue());
    }
    Set<ByteBuffer> seen = new HashSet<>();
    for (long i = 0; i < latest.size(); i++) {
      assertThat(seen.add(ByteBuffer.wrap(log.entry(i)))).as("duplicate entry at %d", i).isTrue();
    }
    Map<Long, Hash> rootBySize = new HashMap<>();
    for (byte[] note : checkpoints) {
      CheckpointVerification v = Checkpoints.open(note, key);
      assertThat(v).isInstanceOf(CheckpointVerification.Valid.class);
      Checkpoint old = ((CheckpointVerification.Valid) v).signed().checkpoint();
      Hash other = rootBySize.putIfAbsent(old.size(), old.rootHash());
      assertThat(other == null || other.equals(old.rootHash()))
          .as("two roots for size %d: fork", old.size())
          .isTrue();
      assertThat(old.size()).isLessThanOrEqualTo(latest.size());
      ConsistencyProof proof = log.consistencyProof(old.size(), latest.size());
      assertThat(Checkpoints.consistent(old, latest, proof).ok())
          .as("consistency %d→%d", old.size(), latest.size())
          .isTrue();
    }
  }
}
