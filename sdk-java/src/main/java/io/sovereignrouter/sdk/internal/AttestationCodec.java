package io.sovereignrouter.sdk.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.sovereignrouter.sdk.Attestation;
import io.sovereignrouter.sdk.SovereignProtocolException;
import io.sovereignrouter.sdk.Usage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads {@code _sf_attestation} objects (DESIGN §5) into {@link Attestation}s. */
public final class AttestationCodec {
  private static final String WHAT = "attestation";

  private AttestationCodec() {}

  /** Parses an attestation, or the attestation member of a body or chunk. */
  public static Attestation parse(String text) {
    JsonNode node = Json.read(text, WHAT);
    if (node.has("_sf_attestation")) {
      JsonNode inner = Json.object(node, "_sf_attestation", WHAT);
      return of(inner, new String(Json.write(inner), StandardCharsets.UTF_8));
    }
    return of(node, text);
  }

  /** Whether an attestation's JSON (as kept in the record) carries its inclusion proof. */
  public static boolean proven(String json) {
    return Json.read(json, WHAT).has("inclusion_proof");
  }

  /** Builds the record from a parsed object whose exact text is {@code text}. */
  static Attestation of(JsonNode a, String text) {
    if (!a.isObject()) {
      throw new SovereignProtocolException("attestation: not a JSON object");
    }
    // Verification needs these; their absence means this is no attestation at all.
    Json.object(a, "envelope", WHAT);
    if (!a.path("inclusion_promise").isTextual()) {
      // An async-mode answer carries a signed promise instead; the proof is fetched later.
      Json.object(a, "inclusion_proof", WHAT);
    }
    List<String> witnesses = new ArrayList<>();
    JsonNode w = a.get("witnesses");
    if (w != null && w.isArray()) {
      w.forEach(x -> witnesses.add(x.asText()));
    }
    List<Attestation.Attempt> attempts = new ArrayList<>();
    JsonNode at = a.get("attempts");
    if (at != null && at.isArray()) {
      for (JsonNode x : at) {
        attempts.add(
            new Attestation.Attempt(
                Json.text(x, "provider_id", WHAT),
                Json.text(x, "model", WHAT),
                Json.text(x, "outcome", WHAT),
                Json.optInt(x, "status"),
                Json.optInteger(x, "ttfb_ms").orElse(0),
                Json.optInteger(x, "duration_ms").orElse(0),
                Json.optText(x, "error")));
      }
    }
    return new Attestation(
        (int) Json.integer(a, "version", WHAT),
        Json.text(a, "route_decision_id", WHAT),
        Json.integer(a, "rekor_index", WHAT),
        Json.text(a, "log_origin", WHAT),
        Json.text(a, "model", WHAT),
        Json.optText(a, "model_hash"),
        Json.text(a, "provider_id", WHAT),
        Json.optText(a, "provider_model"),
        Json.optText(a, "policy_id"),
        Json.optText(a, "policy_digest"),
        Json.optText(a, "tier_required"),
        Json.optText(a, "tier_observed"),
        witnesses,
        Json.optText(a, "mirror_id"),
        Json.optText(a, "tenant_id"),
        Json.optText(a, "key_fingerprint"),
        a.path("stream").asBoolean(false),
        attempts,
        Json.optInteger(a, "leak_findings").orElse(0),
        usage(a),
        Json.optDecimal(a, "cost_usd"),
        text);
  }

  /** The {@code usage} member of a reply, chunk or attestation. */
  static Optional<Usage> usage(JsonNode node) {
    JsonNode u = node.get("usage");
    if (u == null || !u.isObject()) {
      return Optional.empty();
    }
    long prompt = Json.optInteger(u, "prompt_tokens").orElse(0);
    long completion = Json.optInteger(u, "completion_tokens").orElse(0);
    return Optional.of(
        new Usage(
            prompt, completion, Json.optInteger(u, "total_tokens").orElse(prompt + completion)));
  }
}
