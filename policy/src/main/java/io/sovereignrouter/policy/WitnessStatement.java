package io.sovereignrouter.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sovereignrouter.policy.internal.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A witness's claim that the model with {@code modelHash} meets {@code scopes} until {@code
 * expires} (e.g. {@code no-training}, {@code attested-runtime}, {@code hipaa-baa}). It is the
 * payload of a DSSE envelope ({@link WitnessEnvelope}) signed with the witness's Ed25519 key; the
 * policy derives a model's tier only from statements a {@link WitnessVerifier} accepted.
 *
 * @param modelHash the model hash the claim is about ({@code sha256:…})
 * @param scopes the claimed scopes
 * @param expires when the claim stops counting (whole seconds, UTC)
 */
public record WitnessStatement(String modelHash, List<String> scopes, Instant expires) {

  /** DSSE payload type of a witness statement. */
  public static final String PAYLOAD_TYPE = "application/vnd.sovereignrouter.witness.v1+json";

  /** Validates and copies. */
  public WitnessStatement {
    Objects.requireNonNull(modelHash, "modelHash");
    scopes = List.copyOf(scopes);
    Objects.requireNonNull(expires, "expires");
    if (!modelHash.startsWith("sha256:")) {
      throw new IllegalArgumentException("modelHash: expected sha256:…, got " + modelHash);
    }
    if (!expires.equals(expires.truncatedTo(ChronoUnit.SECONDS))) {
      throw new IllegalArgumentException("expires: expected whole seconds, got " + expires);
    }
  }

  /**
   * Formats the DSSE payload.
   *
   * @return UTF-8 JSON {@code {"model_hash","scopes","expires"}}
   */
  public byte[] formatPayload() {
    ObjectNode n = Json.object();
    n.put("model_hash", modelHash);
    ArrayNode s = n.putArray("scopes");
    scopes.forEach(s::add);
    n.put("expires", expires.toString());
    return Json.format(n).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Parses a DSSE payload.
   *
   * @param payload UTF-8 JSON as {@link #formatPayload()} writes it
   * @return the statement
   * @throws PolicyFormatException when the payload does not have that shape
   */
  public static WitnessStatement parsePayload(byte[] payload) {
    String p = "witness statement";
    JsonNode n =
        Json.object(
            Json.parse(new String(payload, StandardCharsets.UTF_8), p),
            p,
            Set.of("model_hash", "scopes", "expires"),
            Set.of());
    JsonNode scopes = Json.array(n, "scopes", p);
    List<String> list = new java.util.ArrayList<>();
    for (JsonNode s : scopes) {
      if (!s.isTextual()) {
        throw new PolicyFormatException(p + ".scopes: expected strings, got " + Json.kind(s));
      }
      list.add(s.textValue());
    }
    String expires = Json.text(n, "expires", p);
    try {
      WitnessStatement st =
          new WitnessStatement(Json.text(n, "model_hash", p), list, Instant.parse(expires));
      if (!st.expires().toString().equals(expires)) {
        throw new PolicyFormatException(p + ".expires: expected canonical form, got " + expires);
      }
      return st;
    } catch (DateTimeParseException | IllegalArgumentException e) {
      throw new PolicyFormatException(p + ": " + e.getMessage(), e);
    }
  }
}
