package io.sovereignrouter.attestation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TileHashReaderTest {
  @TempDir Path dir;

  @Test
  void proofsFromTiles_matchTheLogsOwn_acrossTileBoundaries() {
    Signer key = Ed25519Signer.generate("test.example/log", new SecureRandom());
    try (MerkleLog log =
        MerkleLog.open(
            FileTileStore.open(dir), key, new LogConfig(Duration.ofMillis(1), 64, 4096))) {
      List<Long> sizes = new ArrayList<>();
      for (int batch = 0; batch < 9; batch++) {
        List<CompletableFuture<AppendResult>> pending = new ArrayList<>();
        for (int i = 0; i < 67; i++) {
          pending.add(log.append(("entry " + batch + "/" + i).getBytes(StandardCharsets.UTF_8)));
        }
        pending.forEach(CompletableFuture::join);
        sizes.add(log.checkpoint().checkpoint().size());
      }
      long size = log.checkpoint().checkpoint().size();
      assertThat(size).isEqualTo(603);
      TileStore store = FileTileStore.openReadOnly(dir);
      TileHashReader reader = new TileHashReader(size, store::read);
      assertThat(MerkleProofs.rootHash(size, reader))
          .isEqualTo(log.checkpoint().checkpoint().rootHash());
      for (long old : sizes) {
        ConsistencyProof fromTiles = MerkleProofs.consistency(old, size, reader);
        assertThat(fromTiles).isEqualTo(log.consistencyProof(old, size));
        assertThat(fromTiles.verify(log.rootHash(old), log.rootHash(size)).ok()).isTrue();
      }
      for (long leaf : new long[] {0, 255, 256, 511, 602}) {
        assertThat(MerkleProofs.inclusion(leaf, size, reader))
            .isEqualTo(log.inclusionProof(leaf, size));
      }
    }
  }

  @Test
  void missingTile_orNodeOutsideTree_isAFormatException() {
    TileHashReader reader = new TileHashReader(10, p -> java.util.Optional.empty());
    assertThatThrownBy(() -> reader.node(0, 3))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("missing");
    assertThatThrownBy(() -> reader.node(0, 10)).isInstanceOf(FormatException.class);
    assertThatThrownBy(() -> reader.node(3, 1)).isInstanceOf(FormatException.class);
  }
}
