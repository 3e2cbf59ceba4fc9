package io.sovereignrouter.sdk.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.sovereignrouter.attestation.Hash;
import io.sovereignrouter.sdk.Attestation;
import io.sovereignrouter.sdk.ChatChoice;
import io.sovereignrouter.sdk.ChatChunk;
import io.sovereignrouter.sdk.ChatCompletion;
import io.sovereignrouter.sdk.ChatMessage;
import io.sovereignrouter.sdk.ChunkChoice;
import io.sovereignrouter.sdk.Embedding;
import io.sovereignrouter.sdk.EmbeddingsResponse;
import io.sovereignrouter.sdk.Estimate;
import io.sovereignrouter.sdk.ExchangeDigests;
import io.sovereignrouter.sdk.Model;
import io.sovereignrouter.sdk.SovereignProtocolException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** Decodes data-plane answers. */
public final class Decoders {
  private Decoders() {}

  /** An attested JSON answer split into the provider's body and the attestation. */
  record Attested(
      JsonNode body, String original, Attestation attestation, ExchangeDigests digests) {}

  static Attested attested(Transport.Reply reply, byte[] requestBody, String what) {
    Splice splice =
        Splice.remove(reply.body())
            .orElseThrow(
                () ->
                    new SovereignProtocolException(
                        what + ": the answer carries no _sf_attestation"));
    Attestation attestation =
        AttestationCodec.of(Json.read(splice.attestation(), "attestation"), splice.attestation());
    ExchangeDigests digests =
        new ExchangeDigests(
            Hash.sha256(requestBody),
            Hash.sha256(splice.original().getBytes(StandardCharsets.UTF_8)));
    return new Attested(
        Json.read(splice.original(), what), splice.original(), attestation, digests);
  }

  /** {@code POST /v1/chat/completions} without streaming. */
  public static ChatCompletion chatCompletion(Transport.Reply reply, byte[] requestBody) {
    String what = "chat completion";
    Attested a = attested(reply, requestBody, what);
    JsonNode b = a.body();
    List<ChatChoice> choices = new ArrayList<>();
    for (JsonNode c : Json.array(b, "choices", what)) {
      JsonNode m = Json.object(c, "message", what);
      choices.add(
          new ChatChoice(
              Json.optInt(c, "index").orElse(choices.size()),
              new ChatMessage(
                  Json.optText(m, "role").orElse("assistant"),
                  Json.optText(m, "content").orElse("")),
              Json.optText(c, "finish_reason")));
    }
    return new ChatCompletion(
        Json.text(b, "id", what),
        Json.optText(b, "model").orElse(""),
        Json.optInteger(b, "created").orElse(0),
        choices,
        AttestationCodec.usage(b),
        a.attestation(),
        reply.meta(),
        a.digests(),
        a.original());
  }

  /** One {@code chat.completion.chunk}, from its JSON as the provider sent it. */
  static ChatChunk chunk(String json) {
    String what = "chat completion chunk";
    JsonNode b = Json.read(json, what);
    List<ChunkChoice> choices = new ArrayList<>();
    JsonNode cs = b.get("choices");
    if (cs != null && cs.isArray()) {
      for (JsonNode c : cs) {
        JsonNode d = c.path("delta");
        choices.add(
            new ChunkChoice(
                Json.optInt(c, "index").orElse(choices.size()),
                d.isObject() ? Json.optText(d, "role") : java.util.Optional.empty(),
                d.isObject() ? Json.optText(d, "content") : java.util.Optional.empty(),
                Json.optText(c, "finish_reason")));
      }
    }
    return new ChatChunk(
        Json.optText(b, "id").orElse(""),
        Json.optText(b, "model").orElse(""),
        choices,
        AttestationCodec.usage(b),
        json);
  }

  /** {@code POST /v1/embeddings}, {@code float} or {@code base64} encoded. */
  public static EmbeddingsResponse embeddings(Transport.Reply reply, byte[] requestBody) {
    String what = "embeddings";
    Attested a = attested(reply, requestBody, what);
    JsonNode b = a.body();
    List<Embedding> data = new ArrayList<>();
    for (JsonNode e : Json.array(b, "data", what)) {
      int index = Json.optInt(e, "index").orElse(data.size());
      JsonNode v = e.get("embedding");
      float[] vector;
      if (v != null && v.isArray()) {
        vector = new float[v.size()];
        for (int i = 0; i < vector.length; i++) {
          vector[i] = (float) v.get(i).asDouble();
        }
      } else if (v != null && v.isTextual()) {
        vector = base64Floats(v.asText());
      } else {
        throw new SovereignProtocolException(what + ": embedding is neither array nor base64");
      }
      data.add(new Embedding(index, vector));
    }
    return new EmbeddingsResponse(
        Json.optText(b, "model").orElse(""),
        data,
        AttestationCodec.usage(b),
        a.attestation(),
        reply.meta(),
        a.digests());
  }

  // OpenAI's base64 encoding: little-endian IEEE 754 float32s.
  private static float[] base64Floats(String text) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new SovereignProtocolException("embeddings: malformed base64 embedding", e);
    }
    if (bytes.length % 4 != 0) {
      throw new SovereignProtocolException(
          "embeddings: base64 embedding length not a multiple of 4");
    }
    float[] out = new float[bytes.length / 4];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
    return out;
  }

  /** {@code GET /v1/models}. */
  public static List<Model> models(Transport.Reply reply) {
    String what = "model list";
    List<Model> out = new ArrayList<>();
    for (JsonNode m : Json.array(Json.read(reply.body(), what), "data", what)) {
      out.add(
          new Model(
              Json.text(m, "id", what),
              Json.optText(m, "owned_by").orElse(""),
              Json.optInteger(m, "created").orElse(0)));
    }
    return List.copyOf(out);
  }

  /** {@code POST /v1/estimate}. */
  public static Estimate estimate(Transport.Reply reply) {
    String what = "estimate";
    JsonNode e = Json.read(reply.body(), what);
    List<Estimate.Candidate> candidates = new ArrayList<>();
    for (JsonNode c : Json.array(e, "candidates", what)) {
      candidates.add(
          new Estimate.Candidate(
              Json.text(c, "provider", what), Json.text(c, "model", what), usd(c, "max_cost_usd")));
    }
    JsonNode q = e.get("quota");
    Optional<Estimate.CapStatus> quota = Optional.empty();
    if (q != null && q.isObject()) {
      String reset = Json.text(q, "resets_at", what);
      try {
        quota =
            Optional.of(
                new Estimate.CapStatus(
                    usd(q, "limit_usd"), usd(q, "remaining_usd"), Instant.parse(reset)));
      } catch (DateTimeParseException x) {
        throw new SovereignProtocolException(what + ": malformed resets_at '" + reset + "'", x);
      }
    }
    return new Estimate(
        Json.text(e, "model", what),
        Json.integer(e, "input_tokens", what),
        Json.integer(e, "max_output_tokens", what),
        usd(e, "max_cost_usd"),
        candidates,
        quota,
        e.path("within_cap").asBoolean(true));
  }

  private static BigDecimal usd(JsonNode n, String field) {
    return Json.optDecimal(n, field)
        .orElseThrow(() -> new SovereignProtocolException("estimate: missing " + field));
  }
}
