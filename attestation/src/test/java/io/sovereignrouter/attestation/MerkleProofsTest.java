package io.sovereignrouter.attestation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sovereignrouter.attestation.internal.Json;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Roots and proofs against the published RFC 6962 reference data and exhaustively on small trees.
 */
class MerkleProofsTest {
  private static final JsonNode PUBLISHED =
      Json.read(ProofVectorsTest.resource("vectors/rfc6962-published.json"), "published");

  private static List<Hash> rfcLeaves() {
    List<byte[]> out = new ArrayList<>();
    for (JsonNode l : PUBLISHED.get("leaves")) {
      out.add(HexFormat.of().parseHex(l.asText()));
    }
    return TestTrees.leafHashes(out);
  }

  @Test
  void hash_emptyTreeIsSha256OfNothing() {
    assertThat(Hash.EMPTY.hex())
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(MerkleProofs.rootHash(0, TestTrees.reader(List.of()))).isEqualTo(Hash.EMPTY);
  }

  @Test
  void rootHash_matchesPublishedRoots() {
    List<Hash> leaves = rfcLeaves();
    for (int size = 1; size <= 8; size++) {
      assertThat(MerkleProofs.rootHash(size, TestTrees.reader(leaves)).hex())
          .as("size %d", size)
          .isEqualTo(PUBLISHED.get("roots").get(size - 1).asText());
    }
  }

  @Test
  void inclusion_matchesPublishedProof() {
    InclusionProof p = MerkleProofs.inclusion(5, 8, TestTrees.reader(rfcLeaves()));
    assertThat(p.hashes()).isEqualTo(ProofVectorsTest.hashes(PUBLISHED.get("inclusion_5_8")));
  }

  @Test
  void consistency_matchesPublishedProofs() {
    for (JsonNode c : PUBLISHED.get("consistency")) {
      ConsistencyProof p =
          MerkleProofs.consistency(
              c.get("size1").asLong(), c.get("size2").asLong(), TestTrees.reader(rfcLeaves()));
      assertThat(p.hashes()).isEqualTo(ProofVectorsTest.hashes(c.get("proof")));
    }
  }

  @Test
  void proofs_verifyForEverySizeUpTo70() {
    List<Hash> leaves = TestTrees.leafHashes(TestTrees.numbered(70));
    HashReader reader = TestTrees.reader(leaves);
    List<Hash> roots = new ArrayList<>();
    for (int n = 0; n <= 70; n++) {
      roots.add(MerkleProofs.rootHash(n, reader));
    }
    for (int n = 1; n <= 70; n++) {
      for (int m = 0; m < n; m++) {
        InclusionProof p = MerkleProofs.inclusion(m, n, reader);
        assertThat(p.hashes()).hasSize(MerkleProofs.inclusionLength(m, n));
        assertThat(p.verify(leaves.get(m), roots.get(n)).ok()).isTrue();
        assertThat(p.verify(leaves.get((m + 1) % n), roots.get(n)).ok()).isEqualTo(n == 1);
      }
      for (int m = 0; m <= n; m++) {
        ConsistencyProof c = MerkleProofs.consistency(m, n, reader);
        assertThat(c.verify(roots.get(m), roots.get(n)).ok()).as("%d→%d", m, n).isTrue();
        if (m > 0 && m < n) {
          assertThat(c.verify(roots.get(m - 1), roots.get(n)).ok()).isFalse();
          assertThat(c.verify(roots.get(m), roots.get(n - 1)).ok()).isFalse();
        }
      }
    }
  }

  @Test
  void verify_rootMismatchIsAValue() {
    List<Hash> leaves = rfcLeaves();
    InclusionProof p = MerkleProofs.inclusion(2, 8, TestTrees.reader(leaves));
    Verification got = p.verify(leaves.get(2), Hash.EMPTY);
    assertThat(got).isInstanceOf(Verification.RootMismatch.class);
    assertThat(got.message()).contains("expected " + Hash.EMPTY);
  }
}
