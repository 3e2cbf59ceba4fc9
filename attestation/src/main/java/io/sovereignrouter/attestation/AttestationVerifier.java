package io.sovereignrouter.attestation;

import com.fasterxml.jackson.databind.JsonNode;
import io.sovereignrouter.attestation.AttestationVerification.Check;
import io.sovereignrouter.attestation.AttestationVerification.Kind;
import io.sovereignrouter.attestation.internal.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies a gateway attestation ({@code _sf_attestation}, DESIGN §5) against a pinned log key,
 * offline, in a fixed order that fails closed at the first failed check:
 *
 * <ol>
 *   <li>{@link Kind#ENVELOPE_SIGNATURE}: the DSSE envelope is signed by the log key;
 *   <li>{@link Kind#SIGNED_FIELDS}: it holds an in-toto Statement v1 of our predicate type; every
 *       member of the attestation other than {@code rekor_index}, {@code envelope} and {@code
 *       inclusion_proof} equals the signed predicate's (so an unsigned or altered {@code
 *       tier_observed}, {@code policy_id}, {@code model_hash}, … fails), the DESIGN §5 fields are
 *       all signed, {@code log_origin} names the pinned log, and {@code rekor_index} is the proof's
 *       leaf;
 *   <li>{@link Kind#EXCHANGE_DIGESTS}, with {@link ExchangeDigests}: the {@code request} and {@code
 *       response} subjects are the digests of this exchange;
 *   <li>{@link Kind#INCLUSION}: the receipt's checkpoint is signed by the log key, names the log,
 *       matches the receipt's size and root, and the Merkle proof includes the envelope's leaf;
 *   <li>{@link Kind#CURRENT_CHECKPOINT} and {@link Kind#CONSISTENCY}, with a {@link LogSource}: the
 *       log's current checkpoint is signed by the log key and the receipt's tree is a prefix of it,
 *       by a consistency proof computed here from the log's tiles. A rolled-back or forked log
 *       fails.
 * </ol>
 *
 * <p>An attestation answered before its proof carries an {@code inclusion_promise} (a signed note,
 * {@link InclusionPromise}) instead of {@code inclusion_proof}. Then {@link Kind#PROMISE} checks
 * the promise, and inclusion can only be established against the log: with a {@link LogSource},
 * {@link Kind#CURRENT_CHECKPOINT} then {@link Kind#INCLUSION} prove, from the log's tiles, that the
 * current tree holds the envelope at the promised index. Without one, {@link Kind#INCLUSION} fails:
 * a promise alone is not proof.
 *
 * <p>Pure and synchronous; thread-safe. I/O happens only inside the caller's {@link LogSource}.
 */
public final class AttestationVerifier {
  // Outside the signature by construction: the index and proof exist only after the append; the
  // index is bound to the proof's leaf and the envelope is the leaf itself.
  private static final Set<String> OUTER_ONLY =
      Set.of("rekor_index", "envelope", "inclusion_proof", "inclusion_promise");
  private static final String PROMISE = "inclusion_promise";
  // DESIGN §5: the fields every attestation carries, so each must be signed (null when unknown).
  private static final List<String> DESIGN_FIELDS =
      List.of(
          "version",
          "route_decision_id",
          "log_origin",
          "model",
          "model_hash",
          "provider_id",
          "policy_id",
          "policy_digest",
          "tier_required",
          "tier_observed",
          "witnesses",
          "mirror_id");
  private static final String WRAPPER = "_sf_attestation";
  private final LogKeys keys;

  private AttestationVerifier(LogKeys keys) {
    this.keys = Objects.requireNonNull(keys, "keys");
  }

  /**
   * A verifier pinned to a log key.
   *
   * @param logKey the log's signed-note verifier key ({@code log.pub})
   * @return the verifier
   */
  public static AttestationVerifier of(NoteVerifierKey logKey) {
    return new AttestationVerifier(LogKeys.of(logKey));
  }

  /**
   * A verifier pinned to every key a log has signed with ({@code log-keys.pub}), so attestations
   * and checkpoints from before and after a key rotation both verify.
   *
   * @param keys the log's keys
   * @return the verifier
   */
  public static AttestationVerifier of(LogKeys keys) {
    return new AttestationVerifier(keys);
  }

  /**
   * Every pinned key.
   *
   * @return the log's keys
   */
  public LogKeys keys() {
    return keys;
  }

  /**
   * The pinned key.
   *
   * @return the log's verifier key
   */
  public NoteVerifierKey logKey() {
    return keys.current();
  }

  /**
   * Checks signature, signed fields and inclusion.
   *
   * @param attestation UTF-8 JSON: the {@code _sf_attestation} object, or an object (response body,
   *     stream chunk) holding it under {@code _sf_attestation}
   * @return every check made
   */
  public AttestationVerification verify(byte[] attestation) {
    return run(attestation, Optional.empty(), Optional.empty());
  }

  /**
   * Checks signature, signed fields, that the attestation covers this exchange, and inclusion.
   *
   * @param attestation UTF-8 JSON, as for {@link #verify(byte[])}
   * @param digests digests of the exchange it should cover
   * @return every check made
   */
  public AttestationVerification verify(byte[] attestation, ExchangeDigests digests) {
    return run(attestation, Optional.of(digests), Optional.empty());
  }

  /**
   * Checks signature, signed fields, inclusion, and that the log has not rolled back or forked.
   *
   * @param attestation UTF-8 JSON, as for {@link #verify(byte[])}
   * @param log the log as it is now
   * @return every check made
   * @throws RuntimeException whatever {@code log} throws when it cannot be read
   */
  public AttestationVerification verify(byte[] attestation, LogSource log) {
    return run(attestation, Optional.empty(), Optional.of(log));
  }

  /**
   * Every check: signature, signed fields, exchange digests, inclusion and consistency.
   *
   * @param attestation UTF-8 JSON, as for {@link #verify(byte[])}
   * @param digests digests of the exchange it should cover
   * @param log the log as it is now
   * @return every check made
   * @throws RuntimeException whatever {@code log} throws when it cannot be read
   */
  public AttestationVerification verify(
      byte[] attestation, ExchangeDigests digests, LogSource log) {
    return run(attestation, Optional.of(digests), Optional.of(log));
  }

  private AttestationVerification run(
      byte[] attestation, Optional<ExchangeDigests> digests, Optional<LogSource> log) {
    List<Check> checks = new ArrayList<>();
    JsonNode outer;
    Envelope envelope;
    InclusionReceipt receipt = null; // null when the attestation carries a promise instead
    String promise = null;
    try {
      outer = Json.read(attestation, "attestation");
      if (outer.has(WRAPPER)) {
        outer = outer.get(WRAPPER);
      }
      envelope = Envelopes.fromJson(object(outer, "envelope"));
      if (outer.has(PROMISE) && !outer.has("inclusion_proof")) {
        if (!outer.get(PROMISE).isTextual()) {
          throw new FormatException("attestation: " + PROMISE + " must be a signed note string");
        }
        promise = outer.get(PROMISE).asText();
      } else {
        receipt = InclusionReceipts.fromJson(object(outer, "inclusion_proof"));
      }
    } catch (FormatException | IllegalArgumentException e) {
      return done(checks, new Check(Kind.FORMAT, "format", false, e.getMessage()));
    }
    Verification signature = Envelopes.verify(envelope, keys);
    if (!add(checks, Kind.ENVELOPE_SIGNATURE, "envelope signature", signature)) {
      return new AttestationVerification(checks);
    }
    Statement statement;
    try {
      statement = statement(envelope);
    } catch (FormatException e) {
      return done(checks, new Check(Kind.SIGNED_FIELDS, "signed fields", false, e.getMessage()));
    }
    JsonNode index = outer.path("rekor_index");
    if (!index.isIntegralNumber() || index.asLong() < 0) {
      return done(
          checks,
          fieldsFailed(
              "rekor_index must be a non-negative integer, was " + shown(outer, "rekor_index")));
    }
    Check fields = fields(statement.predicate(), outer, receipt);
    checks.add(fields);
    if (!fields.ok()) {
      return new AttestationVerification(checks);
    }
    if (digests.isPresent()) {
      Check subjects = subjects(statement, digests.get());
      checks.add(subjects);
      if (!subjects.ok()) {
        return new AttestationVerification(checks);
      }
    }
    if (promise != null) {
      Verification promised =
          InclusionPromises.verify(promise, keys, Envelopes.format(envelope), index.asLong());
      if (add(checks, Kind.PROMISE, "inclusion promise for index " + index.asLong(), promised)) {
        promisedInclusion(checks, index.asLong(), Envelopes.format(envelope), log);
      }
      return new AttestationVerification(checks);
    }
    Verification inclusion = InclusionReceipts.verify(receipt, Envelopes.format(envelope), keys);
    String name = "inclusion in checkpoint of size " + receipt.proof().treeSize();
    if (add(checks, Kind.INCLUSION, name, inclusion) && log.isPresent()) {
      consistency(checks, receipt, log.get());
    }
    return new AttestationVerification(checks);
  }

  private static JsonNode object(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (!node.isObject() || value == null || !value.isObject()) {
      throw new FormatException("attestation: missing object '" + field + "'");
    }
    return value;
  }

  private static boolean add(List<Check> checks, Kind kind, String name, Verification v) {
    checks.add(new Check(kind, name, v.ok(), v.message()));
    return v.ok();
  }

  private static AttestationVerification done(List<Check> checks, Check last) {
    checks.add(last);
    return new AttestationVerification(checks);
  }

  private static Statement statement(Envelope envelope) {
    if (!Statements.PAYLOAD_TYPE.equals(envelope.payloadType())) {
      throw new FormatException(
          "payload type " + envelope.payloadType() + ", expected " + Statements.PAYLOAD_TYPE);
    }
    Statement statement = Statements.parse(envelope.payload());
    if (!Statements.PREDICATE_TYPE.equals(statement.predicateType())) {
      throw new FormatException(
          "predicate type "
              + statement.predicateType()
              + ", expected "
              + Statements.PREDICATE_TYPE);
    }
    if (!statement.predicate().isObject()) {
      throw new FormatException("predicate is not an object");
    }
    return statement;
  }

  private Check fields(JsonNode predicate, JsonNode outer, InclusionReceipt receipt) {
    for (String name : DESIGN_FIELDS) {
      if (!predicate.has(name)) {
        return fieldsFailed("the signed statement lacks " + name);
      }
    }
    // Every member on either side: an outer member the statement does not sign is as bad as one
    // that differs from it.
    Set<String> names = new LinkedHashSet<>(DESIGN_FIELDS);
    predicate.fieldNames().forEachRemaining(names::add);
    for (Iterator<String> it = outer.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    for (String name : names) {
      if (OUTER_ONLY.contains(name)) {
        continue;
      }
      if (!predicate.has(name)) {
        return fieldsFailed(name + ": not signed, attestation says " + outer.get(name));
      }
      if (!predicate.path(name).equals(outer.path(name))) {
        return fieldsFailed(
            name + ": signed " + predicate.get(name) + ", attestation says " + shown(outer, name));
      }
    }
    if (!keys.name().equals(predicate.path("log_origin").asText())) {
      return fieldsFailed(
          "log_origin " + predicate.get("log_origin") + ", pinned key is for " + keys.name());
    }
    JsonNode index = outer.path("rekor_index");
    if (receipt != null && index.asLong() != receipt.proof().leafIndex()) {
      return fieldsFailed(
          "rekor_index "
              + shown(outer, "rekor_index")
              + " but the proof is for leaf "
              + receipt.proof().leafIndex());
    }
    return new Check(
        Kind.SIGNED_FIELDS,
        "signed fields",
        true,
        "statement for " + predicate.path("route_decision_id").asText());
  }

  private static String shown(JsonNode node, String name) {
    return node.has(name) ? node.get(name).toString() : "(absent)";
  }

  private static Check fieldsFailed(String detail) {
    return new Check(Kind.SIGNED_FIELDS, "signed fields", false, detail);
  }

  private static Check subjects(Statement statement, ExchangeDigests digests) {
    for (String name : List.of("request", "response")) {
      Hash want = name.equals("request") ? digests.request() : digests.response();
      Optional<Hash> signed =
          statement.subjects().stream()
              .filter(s -> s.name().equals(name))
              .map(Subject::sha256)
              .findFirst();
      if (signed.isEmpty() || !signed.get().equals(want)) {
        return new Check(
            Kind.EXCHANGE_DIGESTS,
            "exchange digests",
            false,
            name
                + ": signed "
                + signed.map(Hash::hex).orElse("(none)")
                + ", observed "
                + want.hex());
      }
    }
    return new Check(
        Kind.EXCHANGE_DIGESTS,
        "exchange digests",
        true,
        "the statement covers this request and response");
  }

  // A promise is kept once the current tree holds the envelope at the promised index.
  private void promisedInclusion(
      List<Check> checks, long index, byte[] entry, Optional<LogSource> log) {
    if (log.isEmpty()) {
      checks.add(
          new Check(
              Kind.INCLUSION,
              "inclusion",
              false,
              "only promised, not proven: verify against the log, or fetch the proof from GET"
                  + " /v1/attestations/{route_decision_id}"));
      return;
    }
    Optional<Checkpoint> now = currentCheckpoint(checks, log.get());
    if (now.isEmpty()) {
      return;
    }
    long size = now.get().size();
    String name = "inclusion in current checkpoint of size " + size;
    if (index >= size) {
      checks.add(
          new Check(
              Kind.INCLUSION,
              name,
              false,
              "promised index " + index + " is not in the log yet (size " + size + ")"));
      return;
    }
    try {
      InclusionProof proof =
          MerkleProofs.inclusion(index, size, new TileHashReader(size, log.get()::tile));
      add(checks, Kind.INCLUSION, name, proof.verify(Hash.ofLeaf(entry), now.get().rootHash()));
    } catch (FormatException | IllegalArgumentException e) {
      checks.add(new Check(Kind.INCLUSION, name, false, e.getMessage()));
    }
  }

  // Adds the CURRENT_CHECKPOINT check; empty when it failed.
  private Optional<Checkpoint> currentCheckpoint(List<Check> checks, LogSource log) {
    Checkpoint now;
    try {
      switch (Checkpoints.open(log.checkpoint(), keys)) {
        case CheckpointVerification.Valid v -> now = v.signed().checkpoint();
        case CheckpointVerification.Invalid i -> {
          checks.add(new Check(Kind.CURRENT_CHECKPOINT, "current checkpoint", false, i.reason()));
          return Optional.empty();
        }
      }
    } catch (FormatException e) {
      checks.add(new Check(Kind.CURRENT_CHECKPOINT, "current checkpoint", false, e.getMessage()));
      return Optional.empty();
    }
    checks.add(
        new Check(
            Kind.CURRENT_CHECKPOINT,
            "current checkpoint",
            true,
            "signed by " + keys.name() + ", size " + now.size()));
    return Optional.of(now);
  }

  private void consistency(List<Check> checks, InclusionReceipt receipt, LogSource log) {
    Optional<Checkpoint> current = currentCheckpoint(checks, log);
    if (current.isEmpty()) {
      return;
    }
    Checkpoint now = current.get();
    long size = receipt.proof().treeSize();
    String name = "consistency " + size + " -> " + now.size();
    if (now.size() < size) {
      checks.add(
          new Check(
              Kind.CONSISTENCY,
              name,
              false,
              "log rolled back: current size " + now.size() + " < receipt size " + size));
      return;
    }
    try {
      ConsistencyProof proof =
          MerkleProofs.consistency(size, now.size(), new TileHashReader(now.size(), log::tile));
      Verification v = proof.verify(receipt.rootHash(), now.rootHash());
      checks.add(
          new Check(
              Kind.CONSISTENCY,
              name,
              v.ok(),
              v.ok() ? "the receipt's tree is a prefix of the current log" : v.message()));
    } catch (FormatException | IllegalArgumentException e) {
      checks.add(new Check(Kind.CONSISTENCY, name, false, e.getMessage()));
    }
  }

  @Override
  public String toString() {
    return "AttestationVerifier[" + keys.name() + "]";
  }
}
