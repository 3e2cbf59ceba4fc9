package io.sovereignrouter.gateway.attest;

import com.fasterxml.jackson.databind.JsonNode;
import io.sovereignrouter.attestation.Envelope;
import io.sovereignrouter.attestation.Envelopes;
import io.sovereignrouter.attestation.Hash;
import io.sovereignrouter.attestation.InclusionReceipt;
import io.sovereignrouter.attestation.InclusionReceipts;
import io.sovereignrouter.attestation.Statement;
import io.sovereignrouter.attestation.Statements;
import io.sovereignrouter.attestation.Subject;
import io.sovereignrouter.gateway.routing.Attempt;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.DatabindCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Stage 6: turns the facts of a served request into a signed in-toto statement in a DSSE envelope,
 * appends it to the audit log and returns the {@code _sf_attestation} object (DESIGN §5). The
 * statement's predicate cannot hold the log index or proof (they exist only after the append);
 * those live in the outer object, which the receipt and signature make checkable. With {@code
 * attestation.proof: async} the outer object carries a signed promise of the index instead of the
 * proof, which {@code GET /v1/attestations/{id}} serves once the entry is integrated.
 */
public final class Attester {
  private final AuditLog log;
  private final String origin;

  /**
   * @param log the audit log (its key also signs the envelopes)
   * @param origin the log origin reported as {@code log_origin}
   */
  public Attester(AuditLog log, String origin) {
    this.log = log;
    this.origin = origin;
  }

  /** Signs, appends and answers the attestation; completes on the caller's context. */
  public Future<JsonObject> attest(Vertx vertx, AttestationFacts facts) {
    JsonObject predicate = predicate(facts);
    Statement statement =
        new Statement(
            List.of(
                new Subject("request", Hash.of(facts.requestSha256())),
                new Subject("response", Hash.of(facts.responseSha256()))),
            Statements.PREDICATE_TYPE,
            toNode(predicate.toBuffer().getBytes()));
    Envelope envelope = Statements.sign(statement, log.signer());
    byte[] entry = Envelopes.format(envelope);
    if (log.promises()) {
      return log.appendPromised(vertx, entry).map(promise -> describePromised(entry, promise));
    }
    return log.append(vertx, entry).map(result -> describe(entry, InclusionReceipt.of(result)));
  }

  /**
   * The {@code _sf_attestation} object answered before the proof ({@code attestation.proof:
   * async}): as {@link #describe}, with the signed {@code inclusion_promise} in place of {@code
   * inclusion_proof}.
   */
  static JsonObject describePromised(byte[] entry, AuditLog.SignedPromise promise) {
    JsonObject out = predicateOf(entry);
    out.put("rekor_index", promise.promise().index());
    out.put("envelope", new JsonObject(new String(entry, StandardCharsets.UTF_8)));
    out.put("inclusion_promise", promise.signedNote());
    return out;
  }

  /**
   * The {@code _sf_attestation} object for a logged entry: the signed predicate's fields, the
   * index, the envelope and an inclusion receipt (for a later lookup, against a newer checkpoint).
   *
   * @param entry the DSSE envelope bytes as stored in the log
   * @param receipt its inclusion proof and checkpoint
   */
  public static JsonObject describe(byte[] entry, InclusionReceipt receipt) {
    JsonObject out = predicateOf(entry);
    out.put("rekor_index", receipt.proof().leafIndex());
    out.put("envelope", new JsonObject(new String(entry, StandardCharsets.UTF_8)));
    out.put(
        "inclusion_proof",
        new JsonObject(new String(InclusionReceipts.format(receipt), StandardCharsets.UTF_8)));
    return out;
  }

  private static JsonObject predicateOf(byte[] entry) {
    Statement statement = Statements.parse(Envelopes.parse(entry).payload());
    return new JsonObject(statement.predicate().toString());
  }

  private JsonObject predicate(AttestationFacts f) {
    JsonArray attempts = new JsonArray();
    for (Attempt a : f.attempts()) {
      attempts.add(
          new JsonObject()
              .put("provider_id", a.providerId())
              .put("model", a.model())
              .put("outcome", a.outcome().name().toLowerCase(java.util.Locale.ROOT))
              .put("status", a.status())
              .put("ttfb_ms", a.ttfbMs())
              .put("duration_ms", a.durationMs())
              .put("error", a.errorClass()));
    }
    JsonObject p =
        new JsonObject()
            .put("version", 1)
            .put("route_decision_id", f.routeDecisionId())
            .put("log_origin", origin)
            .put("tenant_id", f.tenantId())
            .put("key_fingerprint", f.keyFingerprint())
            .put("model", f.clientModel())
            .put("model_hash", f.policy().map(PolicyFacts::modelHash).orElse(null))
            .put("provider_id", f.providerId())
            .put("provider_model", f.upstreamModel())
            .put("policy_id", f.policy().map(PolicyFacts::policyId).orElse(null))
            .put("policy_digest", f.policy().flatMap(PolicyFacts::policyDigest).orElse(null))
            .put("policy_engine", f.policy().map(PolicyFacts::engine).orElse(null))
            .put("policy_input_digest", f.policy().map(PolicyFacts::inputDigest).orElse(null))
            .put("tier_required", f.policy().map(PolicyFacts::tierRequired).orElse(null))
            .put("tier_observed", f.policy().map(PolicyFacts::tierObserved).orElse(null))
            .put(
                "witnesses",
                new JsonArray(f.policy().map(PolicyFacts::witnessScopes).orElse(List.of())))
            .putNull("mirror_id")
            .put("stream", f.stream())
            .put("attempts", attempts)
            .put("leak_findings", f.leakFindings());
    p.put("usage", f.usage().orElse(null));
    p.put("cost_usd", io.sovereignrouter.gateway.tenancy.TenantSettingsJson.usd(f.costMicros()));
    return p;
  }

  /** The statement predicate as the attestation module's Jackson tree. */
  static JsonNode toNode(byte[] json) {
    try {
      return DatabindCodec.mapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
