package io.sovereignrouter.policy.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sovereignrouter.policy.Candidate;
import io.sovereignrouter.policy.PolicyFormatException;
import io.sovereignrouter.policy.PolicyInput;
import io.sovereignrouter.policy.RouteRequest;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

/**
 * Writes the Rego input document straight to text with Jackson's streaming generator: the same
 * fields, order and number formatting as the tree {@code PolicyJson.inputTree} builds (a test
 * checks byte equality), without building the tree first. Every uncached decision and every inputs
 * digest formats one input, so this is on the request path.
 */
public final class InputWriter {
  private InputWriter() {}

  /**
   * Formats the input document compactly.
   *
   * @param input the input
   * @return its JSON text
   */
  public static String format(PolicyInput input) {
    StringWriter out = new StringWriter(512 + 512 * input.candidates().size());
    try (JsonGenerator g = Json.MAPPER.createGenerator(out)) {
      write(g, input);
    } catch (IOException e) {
      throw new PolicyFormatException("cannot write the policy input: " + e.getMessage(), e);
    }
    return out.toString();
  }

  private static void write(JsonGenerator g, PolicyInput input) throws IOException {
    g.writeStartObject();
    g.writeObjectFieldStart("tenant");
    g.writeStringField("id", input.tenant().id());
    strings(g, "allowed_policies", input.tenant().allowedPolicies());
    if (input.tenant().minTier().isPresent()) {
      g.writeStringField("min_tier", input.tenant().minTier().get());
    }
    g.writeEndObject();
    g.writeStringField("policy_id", input.policyId());
    RouteRequest r = input.request();
    g.writeObjectFieldStart("request");
    g.writeStringField("model", r.model());
    g.writeBooleanField("stream", r.stream());
    g.writeObjectFieldStart("needs");
    g.writeBooleanField("tools", r.needs().tools());
    g.writeBooleanField("json_mode", r.needs().jsonMode());
    g.writeBooleanField("vision", r.needs().vision());
    g.writeNumberField("context_tokens", r.needs().contextTokens());
    g.writeEndObject();
    g.writeNumberField("input_tokens", r.inputTokens());
    g.writeNumberField("max_output_tokens", r.maxOutputTokens());
    g.writeEndObject();
    g.writeObjectFieldStart("origin");
    g.writeStringField("header", input.origin().header());
    g.writeStringField("client_address", input.origin().clientAddress());
    g.writeEndObject();
    g.writeArrayFieldStart("candidates");
    for (Candidate c : input.candidates()) {
      candidate(g, c);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void candidate(JsonGenerator g, Candidate c) throws IOException {
    g.writeStartObject();
    g.writeStringField("provider", c.provider());
    g.writeStringField("model", c.model());
    g.writeStringField("model_hash", c.modelHash());
    if (c.declaredTier().isPresent()) {
      g.writeStringField("tier", c.declaredTier().get());
    }
    strings(g, "witness_scopes", c.witnessScopes());
    strings(g, "witness_rejections", c.witnessRejections());
    g.writeStringField("drift", c.drift().wire());
    g.writeNumberField("price_input_per_mtok", c.priceInputPerMtok());
    g.writeNumberField("price_output_per_mtok", c.priceOutputPerMtok());
    g.writeNumberField("p50_ms", c.p50Ms());
    g.writeNumberField("p95_ms", c.p95Ms());
    g.writeNumberField("success_rate", c.successRate());
    g.writeBooleanField("healthy", c.healthy());
    g.writeNumberField("priority", c.priority());
    g.writeObjectFieldStart("capabilities");
    g.writeBooleanField("tools", c.capabilities().tools());
    g.writeBooleanField("json_mode", c.capabilities().jsonMode());
    g.writeBooleanField("vision", c.capabilities().vision());
    g.writeNumberField("context_length", c.capabilities().contextLength());
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void strings(JsonGenerator g, String name, List<String> values)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }
}
