package io.sovereignrouter.attestation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sovereignrouter.attestation.internal.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * JSON form and offline verification of {@link InclusionReceipt}s.
 *
 * <p>JSON (DESIGN §5 {@code inclusion_proof}): {@code {"log_index":N,"tree_size":N,
 * "root_hash":"<base64>","hashes":["<base64>",…],"checkpoint":"<signed note>"}}.
 */
public final class InclusionReceipts {
  private static final Set<String> KEYS =
      Set.of("log_index", "tree_size", "root_hash", "hashes", "checkpoint");

  private InclusionReceipts() {}

  /**
   * The receipt as a JSON tree.
   *
   * @param receipt the receipt
   * @return a new object node
   */
  public static ObjectNode toJson(InclusionReceipt receipt) {
    ObjectNode o = Json.object();
    o.put("log_index", receipt.proof().leafIndex());
    o.put("tree_size", receipt.proof().treeSize());
    o.put("root_hash", receipt.rootHash().format());
    ArrayNode hashes = o.putArray("hashes");
    receipt.proof().hashes().forEach(h -> hashes.add(h.format()));
    o.put("checkpoint", receipt.checkpoint().format());
    return o;
  }

  /**
   * Compact JSON bytes of a receipt.
   *
   * @param receipt the receipt
   * @return UTF-8 JSON
   */
  public static byte[] format(InclusionReceipt receipt) {
    return Json.write(toJson(receipt));
  }

  /**
   * Parses compact receipt JSON strictly (canonical bytes only).
   *
   * @param bytes UTF-8 JSON
   * @return the receipt (not yet verified)
   * @throws FormatException if malformed
   */
  public static InclusionReceipt parse(byte[] bytes) {
    InclusionReceipt r = fromJson(Json.read(bytes, "inclusion receipt"));
    if (!Arrays.equals(format(r), bytes)) {
      throw new FormatException("inclusion receipt: not in canonical form");
    }
    return r;
  }

  /**
   * Reads a receipt from a JSON tree (strict keys and types).
   *
   * @param node the JSON object
   * @return the receipt (not yet verified)
   * @throws FormatException if malformed
   */
  public static InclusionReceipt fromJson(JsonNode node) {
    Envelopes.requireKeys(node, KEYS, "inclusion receipt");
    long index = integer(node, "log_index");
    long size = integer(node, "tree_size");
    JsonNode hashes = node.get("hashes");
    if (!hashes.isArray() || hashes.size() > 64) {
      throw new FormatException("inclusion receipt: hashes must be an array of at most 64");
    }
    List<Hash> list = new ArrayList<>();
    for (JsonNode h : hashes) {
      if (!h.isTextual()) {
        throw new FormatException("inclusion receipt: hashes must be strings");
      }
      list.add(Hash.parse(h.asText()));
    }
    Note note = Note.parse(Envelopes.text(node, "checkpoint").getBytes(StandardCharsets.UTF_8));
    SignedCheckpoint cp = new SignedCheckpoint(Checkpoint.parse(note.text()), note);
    return new InclusionReceipt(
        new InclusionProof(index, size, list), Hash.parse(Envelopes.text(node, "root_hash")), cp);
  }

  /**
   * Verifies a receipt for an entry in a fixed order, failing closed: log key signature on the
   * checkpoint → checkpoint origin → checkpoint size and root equal the receipt's → inclusion of
   * the entry's leaf hash.
   *
   * @param receipt the receipt
   * @param entry the exact entry bytes (the canonical DSSE envelope)
   * @param logKey the log's verifier key
   * @return the outcome
   */
  public static Verification verify(
      InclusionReceipt receipt, byte[] entry, NoteVerifierKey logKey) {
    return verify(receipt, entry, LogKeys.of(logKey));
  }

  /**
   * As {@link #verify(InclusionReceipt, byte[], NoteVerifierKey)}, accepting a checkpoint signed by
   * any of the log's keys.
   *
   * @param receipt the receipt
   * @param entry the exact entry bytes
   * @param logKeys the log's keys
   * @return the outcome
   */
  public static Verification verify(InclusionReceipt receipt, byte[] entry, LogKeys logKeys) {
    Checkpoint cp;
    switch (Checkpoints.open(receipt.checkpoint().bytes(), logKeys)) {
      case CheckpointVerification.Valid v -> cp = v.signed().checkpoint();
      case CheckpointVerification.Invalid i -> {
        return new Verification.Invalid("checkpoint: " + i.reason());
      }
    }
    if (cp.size() != receipt.proof().treeSize()) {
      return new Verification.Invalid(
          "checkpoint size " + cp.size() + ", proof tree size " + receipt.proof().treeSize());
    }
    if (!cp.rootHash().equals(receipt.rootHash())) {
      return new Verification.RootMismatch(cp.rootHash(), receipt.rootHash());
    }
    return receipt.proof().verify(Hash.ofLeaf(entry), cp.rootHash());
  }

  private static long integer(JsonNode node, String key) {
    JsonNode v = node.get(key);
    if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0) {
      throw new FormatException("inclusion receipt: " + key + " must be a non-negative integer");
    }
    return v.asLong();
  }
}
