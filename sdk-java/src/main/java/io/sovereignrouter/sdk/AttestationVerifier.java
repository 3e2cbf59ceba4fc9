package io.sovereignrouter.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import io.sovereignrouter.attestation.Checkpoint;
import io.sovereignrouter.attestation.CheckpointVerification;
import io.sovereignrouter.attestation.Checkpoints;
import io.sovereignrouter.attestation.ConsistencyProof;
import io.sovereignrouter.attestation.Envelope;
import io.sovereignrouter.attestation.Envelopes;
import io.sovereignrouter.attestation.FormatException;
import io.sovereignrouter.attestation.Hash;
import io.sovereignrouter.attestation.InclusionReceipt;
import io.sovereignrouter.attestation.InclusionReceipts;
import io.sovereignrouter.attestation.MerkleProofs;
import io.sovereignrouter.attestation.NoteVerifierKey;
import io.sovereignrouter.attestation.Statement;
import io.sovereignrouter.attestation.Statements;
import io.sovereignrouter.attestation.Subject;
import io.sovereignrouter.attestation.TileHashReader;
import io.sovereignrouter.attestation.Verification;
import io.sovereignrouter.sdk.AttestationVerification.Check;
import io.sovereignrouter.sdk.internal.Json;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies attestations against a pinned log key ({@code log.pub}), offline, in a fixed order that
 * fails closed:
 *
 * <ol>
 *   <li>the DSSE envelope is signed by the log key;
 *   <li>it holds an in-toto statement of our predicate type whose fields equal every field of the
 *       attestation record (so {@link Attestation#providerId()}, {@link
 *       Attestation#tierObserved()}, … are the signed values), and {@code rekor_index} is the
 *       proof's leaf;
 *   <li>with {@link ExchangeDigests}: its {@code request} and {@code response} subjects are the
 *       digests of this exchange;
 *   <li>the inclusion receipt: the checkpoint is signed by the log key, names the log, and the
 *       envelope is included in its tree;
 *   <li>with a {@link LogSource}: the log's current checkpoint is signed by the log key and the
 *       receipt's tree is a prefix of it, by a consistency proof computed from the log's tiles. A
 *       rolled-back or forked log fails here.
 * </ol>
 *
 * Thread-safe.
 */
public final class AttestationVerifier {
  // Outer-only members: the index (checked against the proof) and the proof material itself.
  private static final Set<String> OUTER_ONLY =
      Set.of("rekor_index", "envelope", "inclusion_proof");
  // Every member the typed record exposes must be a signed one.
  private static final List<String> RECORD_FIELDS =
      List.of(
          "version",
          "route_decision_id",
          "log_origin",
          "model",
          "model_hash",
          "provider_id",
          "provider_model",
          "policy_id",
          "policy_digest",
          "tier_required",
          "tier_observed",
          "witnesses",
          "mirror_id",
          "tenant_id",
          "key_fingerprint",
          "stream",
          "attempts",
          "leak_findings",
          "usage",
          "cost_usd");
  private final NoteVerifierKey logKey;

  private AttestationVerifier(NoteVerifierKey logKey) {
    this.logKey = Objects.requireNonNull(logKey, "logKey");
  }

  /**
   * A verifier pinned to a log key.
   *
   * @param logKey the log's verifier key
   * @return the verifier
   */
  public static AttestationVerifier of(NoteVerifierKey logKey) {
    return new AttestationVerifier(logKey);
  }

  /**
   * A verifier pinned to a log key in its text form (the content of {@code log.pub}).
   *
   * @param logPub {@code <name>+<hash>+<base64 key>}
   * @return the verifier
   * @throws IllegalArgumentException if the key is malformed
   */
  public static AttestationVerifier of(String logPub) {
    try {
      return new AttestationVerifier(NoteVerifierKey.parse(logPub.strip()));
    } catch (FormatException e) {
      throw new IllegalArgumentException("malformed log key: " + e.getMessage(), e);
    }
  }

  /**
   * The pinned key.
   *
   * @return the log's verifier key
   */
  public NoteVerifierKey logKey() {
    return logKey;
  }

  /**
   * Checks signature, signed fields and inclusion.
   *
   * @param attestation the attestation
   * @return the outcome
   */
  public AttestationVerification verify(Attestation attestation) {
    return run(attestation, Optional.empty(), Optional.empty());
  }

  /**
   * Checks signature, signed fields, that the attestation covers this exchange, and inclusion.
   *
   * @param attestation the attestation
   * @param digests digests of the exchange it should cover
   * @return the outcome
   */
  public AttestationVerification verify(Attestation attestation, ExchangeDigests digests) {
    return run(attestation, Optional.of(digests), Optional.empty());
  }

  /**
   * Checks signature, signed fields, inclusion, and that the log has not rolled back or forked
   * since the receipt.
   *
   * @param attestation the attestation
   * @param log the log as it is now
   * @return the outcome
   * @throws SovereignException if the log cannot be read
   */
  public AttestationVerification verify(Attestation attestation, LogSource log) {
    return run(attestation, Optional.empty(), Optional.of(log));
  }

  /**
   * Every check: signature, signed fields, exchange digests, inclusion and log consistency.
   *
   * @param attestation the attestation
   * @param digests digests of the exchange it should cover
   * @param log the log as it is now
   * @return the outcome
   * @throws SovereignException if the log cannot be read
   */
  public AttestationVerification verify(
      Attestation attestation, ExchangeDigests digests, LogSource log) {
    return run(attestation, Optional.of(digests), Optional.of(log));
  }

  /**
   * Verifies an answer's attestation, including that it covers this very exchange.
   *
   * @param answer a completion, embeddings or finished stream
   * @return the outcome
   */
  public AttestationVerification verify(Attested answer) {
    return verify(answer.attestation(), answer.digests());
  }

  /**
   * As {@link #verify(Attested)}, plus consistency with the log as it is now.
   *
   * @param answer a completion, embeddings or finished stream
   * @param log the log as it is now
   * @return the outcome
   * @throws SovereignException if the log cannot be read
   */
  public AttestationVerification verify(Attested answer, LogSource log) {
    return verify(answer.attestation(), answer.digests(), log);
  }

  private AttestationVerification run(
      Attestation attestation, Optional<ExchangeDigests> digests, Optional<LogSource> log) {
    List<Check> checks = new ArrayList<>();
    JsonNode outer;
    Envelope envelope;
    InclusionReceipt receipt;
    try {
      outer = Json.read(attestation.json(), "attestation");
      envelope = Envelopes.fromJson(Json.object(outer, "envelope", "attestation"));
      receipt = InclusionReceipts.fromJson(Json.object(outer, "inclusion_proof", "attestation"));
    } catch (FormatException | SovereignProtocolException | IllegalArgumentException e) {
      return done(checks, new Check("format", false, e.getMessage()));
    }
    Verification signature = Envelopes.verify(envelope, logKey);
    checks.add(new Check("envelope signature", signature.ok(), signature.message()));
    if (!signature.ok()) {
      return new AttestationVerification(checks);
    }
    Statement statement;
    try {
      statement = statement(envelope);
    } catch (FormatException e) {
      return done(checks, new Check("statement", false, e.getMessage()));
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
    Verification inclusion = InclusionReceipts.verify(receipt, Envelopes.format(envelope), logKey);
    checks.add(
        new Check(
            "inclusion in checkpoint of size " + receipt.proof().treeSize(),
            inclusion.ok(),
            inclusion.message()));
    if (inclusion.ok() && log.isPresent()) {
      checks.add(consistency(receipt, log.get()));
    }
    return new AttestationVerification(checks);
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
    return statement;
  }

  private Check fields(JsonNode predicate, JsonNode outer, InclusionReceipt receipt) {
    Set<String> names = new LinkedHashSet<>(RECORD_FIELDS);
    predicate.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      if (OUTER_ONLY.contains(name)) {
        continue;
      }
      if (!predicate.path(name).equals(outer.path(name))) {
        return new Check(
            "signed fields",
            false,
            name + ": signed " + predicate.path(name) + ", attestation says " + outer.path(name));
      }
    }
    if (!logKey.name().equals(predicate.path("log_origin").asText())) {
      return new Check(
          "signed fields",
          false,
          "log_origin " + predicate.path("log_origin") + ", pinned key is for " + logKey.name());
    }
    long index = outer.path("rekor_index").asLong(-1);
    if (index != receipt.proof().leafIndex()) {
      return new Check(
          "signed fields",
          false,
          "rekor_index " + index + " but the proof is for leaf " + receipt.proof().leafIndex());
    }
    return new Check(
        "signed fields", true, "statement for " + predicate.path("route_decision_id").asText());
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
            "exchange digests",
            false,
            name
                + ": signed "
                + signed.map(Hash::hex).orElse("(none)")
                + ", observed "
                + want.hex());
      }
    }
    return new Check("exchange digests", true, "the statement covers this request and response");
  }

  private Check consistency(InclusionReceipt receipt, LogSource log) {
    long size = receipt.proof().treeSize();
    Checkpoint now;
    try {
      switch (Checkpoints.open(log.checkpoint(), logKey)) {
        case CheckpointVerification.Valid v -> now = v.signed().checkpoint();
        case CheckpointVerification.Invalid i -> {
          return new Check("current checkpoint", false, i.reason());
        }
      }
    } catch (FormatException e) {
      return new Check("current checkpoint", false, e.getMessage());
    }
    String name = "consistency " + size + " -> " + now.size();
    if (now.size() < size) {
      return new Check(
          name, false, "log rolled back: current size " + now.size() + " < receipt size " + size);
    }
    try {
      ConsistencyProof proof =
          MerkleProofs.consistency(size, now.size(), new TileHashReader(now.size(), log::tile));
      Verification v = proof.verify(receipt.rootHash(), now.rootHash());
      return new Check(
          name, v.ok(), v.ok() ? "the receipt's tree is a prefix of the current log" : v.message());
    } catch (FormatException | IllegalArgumentException e) {
      return new Check(name, false, e.getMessage());
    }
  }

  @Override
  public String toString() {
    return "AttestationVerifier[" + logKey.name() + "]";
  }
}
