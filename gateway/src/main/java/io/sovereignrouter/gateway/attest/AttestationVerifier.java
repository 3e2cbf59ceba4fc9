package io.sovereignrouter.gateway.attest;

import com.fasterxml.jackson.databind.JsonNode;
import io.sovereignrouter.attestation.Checkpoint;
import io.sovereignrouter.attestation.CheckpointVerification;
import io.sovereignrouter.attestation.Checkpoints;
import io.sovereignrouter.attestation.ConsistencyProof;
import io.sovereignrouter.attestation.Envelope;
import io.sovereignrouter.attestation.Envelopes;
import io.sovereignrouter.attestation.FormatException;
import io.sovereignrouter.attestation.InclusionReceipt;
import io.sovereignrouter.attestation.InclusionReceipts;
import io.sovereignrouter.attestation.MerkleProofs;
import io.sovereignrouter.attestation.NoteVerifierKey;
import io.sovereignrouter.attestation.Statement;
import io.sovereignrouter.attestation.Statements;
import io.sovereignrouter.attestation.TileHashReader;
import io.sovereignrouter.attestation.TilePath;
import io.sovereignrouter.attestation.Verification;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks an {@code _sf_attestation} offline, in a fixed order that fails closed: envelope signature
 * under the log key → statement type and fields agree with the outer object → inclusion receipt
 * (checkpoint signature, size and root, Merkle inclusion) → optionally, that the log's current
 * checkpoint has not rolled back or forked below the receipt.
 */
public final class AttestationVerifier {
  private final NoteVerifierKey logKey;

  /**
   * @param logKey the log's verifier key ({@code log.pub})
   */
  public AttestationVerifier(NoteVerifierKey logKey) {
    this.logKey = logKey;
  }

  /**
   * One check and its outcome.
   *
   * @param name what was checked
   * @param ok whether it held
   * @param detail expected vs seen, or what was confirmed
   */
  public record Check(String name, boolean ok, String detail) {}

  /**
   * Verifies {@code attestation}; stops at the first failed check.
   *
   * @param attestation the {@code _sf_attestation} object
   * @param log the log as it is now, when freshness should be checked
   * @return every check made, in order
   */
  public List<Check> verify(JsonNode attestation, Optional<LogView> log) {
    List<Check> checks = new ArrayList<>();
    Envelope envelope;
    InclusionReceipt receipt;
    try {
      envelope = Envelopes.fromJson(required(attestation, "envelope"));
      receipt = InclusionReceipts.fromJson(required(attestation, "inclusion_proof"));
    } catch (FormatException | IllegalArgumentException e) {
      checks.add(new Check("format", false, e.getMessage()));
      return checks;
    }
    Verification signature = Envelopes.verify(envelope, logKey);
    checks.add(new Check("envelope signature", signature.ok(), signature.message()));
    if (!signature.ok()) {
      return checks;
    }
    Check statement = statement(envelope, attestation, receipt);
    checks.add(statement);
    if (!statement.ok()) {
      return checks;
    }
    Verification inclusion = InclusionReceipts.verify(receipt, Envelopes.format(envelope), logKey);
    checks.add(
        new Check(
            "inclusion in checkpoint of size " + receipt.proof().treeSize(),
            inclusion.ok(),
            inclusion.message()));
    if (!inclusion.ok() || log.isEmpty()) {
      return checks;
    }
    checks.add(fresh(receipt, log.get()));
    return checks;
  }

  private static JsonNode required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isObject()) {
      throw new FormatException("attestation: missing object '" + field + "'");
    }
    return value;
  }

  private static Check statement(Envelope envelope, JsonNode outer, InclusionReceipt receipt) {
    if (!Statements.PAYLOAD_TYPE.equals(envelope.payloadType())) {
      return new Check("statement", false, "payload type " + envelope.payloadType());
    }
    Statement statement;
    try {
      statement = Statements.parse(envelope.payload());
    } catch (FormatException e) {
      return new Check("statement", false, e.getMessage());
    }
    JsonNode predicate = statement.predicate();
    for (String field : List.of("route_decision_id", "model", "provider_id", "log_origin")) {
      if (!predicate.path(field).equals(outer.path(field))) {
        return new Check(
            "statement",
            false,
            field + ": signed " + predicate.path(field) + ", outer " + outer.path(field));
      }
    }
    long index = outer.path("rekor_index").asLong(-1);
    if (index != receipt.proof().leafIndex()) {
      return new Check(
          "statement",
          false,
          "rekor_index " + index + " but the proof is for leaf " + receipt.proof().leafIndex());
    }
    return new Check(
        "statement", true, "in-toto statement for " + predicate.path("route_decision_id").asText());
  }

  /**
   * A log as a client sees it: its current signed checkpoint and its tiles.
   *
   * @param checkpoint the current checkpoint note
   * @param tiles fetches a tile, empty when absent
   */
  public record LogView(byte[] checkpoint, Function<TilePath, Optional<byte[]>> tiles) {}

  /**
   * The current checkpoint is signed by the log key and the receipt's tree is a prefix of it: a
   * consistency proof computed here from the log's own tiles (not taken from the server) must link
   * the receipt's root to the current root. A rolled-back or forked log fails.
   */
  private Check fresh(InclusionReceipt receipt, LogView log) {
    Checkpoint now;
    switch (Checkpoints.open(log.checkpoint(), logKey)) {
      case CheckpointVerification.Valid v -> now = v.signed().checkpoint();
      case CheckpointVerification.Invalid i -> {
        return new Check("current checkpoint", false, i.reason());
      }
    }
    long size = receipt.proof().treeSize();
    if (now.size() < size) {
      return new Check(
          "consistency with current log",
          false,
          "log rolled back: current size " + now.size() + " < receipt size " + size);
    }
    try {
      ConsistencyProof proof =
          MerkleProofs.consistency(size, now.size(), new TileHashReader(now.size(), log.tiles()));
      Verification consistent = proof.verify(receipt.rootHash(), now.rootHash());
      return new Check(
          "consistency " + size + " -> " + now.size(),
          consistent.ok(),
          consistent.ok()
              ? "the receipt's tree is a prefix of the current log"
              : consistent.message());
    } catch (FormatException | IllegalArgumentException e) {
      return new Check("consistency " + size + " -> " + now.size(), false, e.getMessage());
    }
  }
}
