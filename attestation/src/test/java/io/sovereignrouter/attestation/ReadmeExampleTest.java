package io.sovereignrouter.attestation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sovereignrouter.attestation.internal.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The code shown in the module README, compiled and run. */
class ReadmeExampleTest {
  @TempDir Path dataDir;

  @Test
  void readme_example() throws Exception {
    // README:begin
    Signer logKey = Ed25519Signer.generate("sovereign.example/log", new SecureRandom());
    Signer attestKey = Ed25519Signer.generate("sovereign.example/attest", new SecureRandom());
    try (MerkleLog log = MerkleLog.open(FileTileStore.open(dataDir), logKey, LogConfig.DEFAULT)) {
      ObjectNode predicate = Json.object().put("route_decision_id", "rd_1");
      Statement statement =
          new Statement(
              List.of(Subject.of("request", "{...}".getBytes(StandardCharsets.UTF_8))),
              Statements.PREDICATE_TYPE,
              predicate);
      byte[] leaf = Envelopes.format(Statements.sign(statement, attestKey));

      AppendResult r = log.append(leaf).join(); // durable, proven, checkpointed

      // A verifier holding only the two public keys:
      Checkpoint cp =
          switch (Checkpoints.open(r.checkpoint().bytes(), logKey.verifierKey())) {
            case CheckpointVerification.Valid v -> v.signed().checkpoint();
            case CheckpointVerification.Invalid i -> throw new AssertionError(i.reason());
          };
      Verification inclusion = r.proof().verify(Hash.ofLeaf(leaf), cp.rootHash());
      Verification signature = Envelopes.verify(Envelopes.parse(leaf), attestKey.verifierKey());
      // README:end
      assertThat(inclusion.ok()).isTrue();
      assertThat(signature.ok()).isTrue();
    }
  }
}
