package io.sovereignrouter.sdk.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sovereignrouter.sdk.SovereignProtocolException;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** The SDK's one JSON codec and strict field readers for answers. */
public final class Json {
  private static final ObjectMapper MAPPER = JsonMapper.builder().build();

  private Json() {}

  /** A new empty object. */
  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** A request value (string, number, boolean, list, map) as a tree. */
  public static JsonNode valueToTree(Object value) {
    try {
      return MAPPER.valueToTree(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("parameter value is not JSON-mappable", e);
    }
  }

  /** Compact UTF-8 bytes. */
  public static byte[] write(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode a JSON tree", e);
    }
  }

  /** Parses an answer; {@code what} names it in the error. */
  public static JsonNode read(String text, String what) {
    try {
      JsonNode node = MAPPER.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw new SovereignProtocolException(what + ": empty body");
      }
      return node;
    } catch (IOException e) {
      throw new SovereignProtocolException(what + ": not JSON", e);
    }
  }

  /** A required object member. */
  public static JsonNode object(JsonNode node, String field, String what) {
    JsonNode v = node.get(field);
    if (v == null || !v.isObject()) {
      throw new SovereignProtocolException(what + ": expected object '" + field + "'");
    }
    return v;
  }

  /** A required array member. */
  public static List<JsonNode> array(JsonNode node, String field, String what) {
    JsonNode v = node.get(field);
    if (v == null || !v.isArray()) {
      throw new SovereignProtocolException(what + ": expected array '" + field + "'");
    }
    List<JsonNode> out = new ArrayList<>();
    v.forEach(out::add);
    return out;
  }

  /** A required string member. */
  public static String text(JsonNode node, String field, String what) {
    return optText(node, field)
        .orElseThrow(
            () -> new SovereignProtocolException(what + ": expected string '" + field + "'"));
  }

  /** A string member; empty when absent or null. */
  public static Optional<String> optText(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isTextual()) {
      throw new SovereignProtocolException("expected string '" + field + "'");
    }
    return Optional.of(v.asText());
  }

  /** A required integer member. */
  public static long integer(JsonNode node, String field, String what) {
    return optInteger(node, field)
        .orElseThrow(
            () -> new SovereignProtocolException(what + ": expected integer '" + field + "'"));
  }

  /** An integer member; empty when absent or null. */
  public static OptionalLong optInteger(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return OptionalLong.empty();
    }
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw new SovereignProtocolException("expected integer '" + field + "'");
    }
    return OptionalLong.of(v.asLong());
  }

  /** An int member; empty when absent or null. */
  public static OptionalInt optInt(JsonNode node, String field) {
    OptionalLong v = optInteger(node, field);
    return v.isPresent() ? OptionalInt.of((int) v.getAsLong()) : OptionalInt.empty();
  }

  /** A decimal member; empty when absent or null. */
  public static Optional<BigDecimal> optDecimal(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isNumber()) {
      throw new SovereignProtocolException("expected number '" + field + "'");
    }
    return Optional.of(v.decimalValue());
  }
}
