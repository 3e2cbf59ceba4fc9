package io.sovereignrouter.policy.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sovereignrouter.policy.PolicyFormatException;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/**
 * The module's one Jackson mapper and the strict tree readers the codec is built from. Floats are
 * read as {@link BigDecimal} so prices and caps keep their exact decimal value.
 */
public final class Json {
  /** Largest JSON document the policy module reads, in characters. */
  public static final int MAX_DOCUMENT_CHARS = 8 * 1024 * 1024;

  /** The mapper every class of the module uses. */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxDocumentLength(MAX_DOCUMENT_CHARS)
                          .maxNestingDepth(64)
                          .build())
                  .build())
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .disable(SerializationFeature.INDENT_OUTPUT)
          .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
          .build();

  private Json() {}

  /**
   * Parses a JSON document into a tree.
   *
   * @param text the document
   * @param what what the document is, for messages
   * @return the tree
   * @throws PolicyFormatException when the text is not one JSON document within the size cap
   */
  public static JsonNode parse(String text, String what) {
    if (text.length() > MAX_DOCUMENT_CHARS) {
      throw new PolicyFormatException(
          what + ": expected at most " + MAX_DOCUMENT_CHARS + " chars, got " + text.length());
    }
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new PolicyFormatException(what + ": not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Writes a tree compactly.
   *
   * @param node the tree
   * @return its JSON text
   */
  public static String format(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new PolicyFormatException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * A new empty object node.
   *
   * @return the node
   */
  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /**
   * Checks that {@code node} is an object with all {@code required} and no other than {@code
   * optional} fields.
   *
   * @param node the node
   * @param path its JSON path, for messages
   * @param required fields it must have
   * @param optional fields it may have
   * @return the node
   */
  public static JsonNode object(
      JsonNode node, String path, Set<String> required, Set<String> optional) {
    if (node == null || !node.isObject()) {
      throw new PolicyFormatException(path + ": expected an object, got " + kind(node));
    }
    for (String name : required) {
      if (!node.has(name)) {
        throw new PolicyFormatException(path + "." + name + ": expected a value, got none");
      }
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!required.contains(name) && !optional.contains(name)) {
        throw new PolicyFormatException(path + "." + name + ": unexpected field");
      }
    }
    return node;
  }

  /**
   * A required string field.
   *
   * @param parent the object holding the field
   * @param field the field name
   * @param path the object's JSON path, for messages
   * @return the string
   * @throws PolicyFormatException when the field is missing or not a string
   */
  public static String text(JsonNode parent, String field, String path) {
    JsonNode v = parent.get(field);
    if (v == null || !v.isTextual()) {
      throw new PolicyFormatException(path + "." + field + ": expected a string, got " + kind(v));
    }
    return v.textValue();
  }

  /**
   * A string field that may be absent or null.
   *
   * @param parent the object holding the field
   * @param field the field name
   * @param path the object's JSON path, for messages
   * @return the string, empty when absent or null
   * @throws PolicyFormatException when the field holds something other than a string
   */
  public static Optional<String> optionalText(JsonNode parent, String field, String path) {
    JsonNode v = parent.get(field);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(text(parent, field, path));
  }

  /**
   * A required boolean field.
   *
   * @param parent the object holding the field
   * @param field the field name
   * @param path the object's JSON path, for messages
   * @return the boolean
   * @throws PolicyFormatException when the field is missing or not a boolean
   */
  public static boolean bool(JsonNode parent, String field, String path) {
    JsonNode v = parent.get(field);
    if (v == null || !v.isBoolean()) {
      throw new PolicyFormatException(path + "." + field + ": expected a boolean, got " + kind(v));
    }
    return v.booleanValue();
  }

  /**
   * A required integral number field (a float with zero fraction, as OPA may print, is fine).
   *
   * @param parent the object holding the field
   * @param field the field name
   * @param path the object's JSON path, for messages
   * @return the integer
   * @throws PolicyFormatException when the field is missing, not a number or not integral
   */
  public static long integer(JsonNode parent, String field, String path) {
    BigDecimal d = decimal(parent, field, path);
    try {
      return d.stripTrailingZeros().longValueExact();
    } catch (ArithmeticException e) {
      throw new PolicyFormatException(path + "." + field + ": expected an integer, got " + d, e);
    }
  }

  /**
   * An integral number field that may be absent or null.
   *
   * @param parent the object holding the field
   * @param field the field name
   * @param path the object's JSON path, for messages
   * @return the integer, empty when absent or null
   * @throws PolicyFormatException when the field is present but not an integer
   */
  public static Optional<Long> optionalInteger(JsonNode parent, String field, String path) {
    JsonNode v = parent.get(field);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(integer(parent, field, path));
  }

  /**
   * A required number field.
   *
   * @param parent the object holding the field
   * @param field the field name
   * @param path the object's JSON path, for messages
   * @return the exact decimal value
   * @throws PolicyFormatException when the field is missing or not a number
   */
  public static BigDecimal decimal(JsonNode parent, String field, String path) {
    JsonNode v = parent.get(field);
    if (v == null || !v.isNumber()) {
      throw new PolicyFormatException(path + "." + field + ": expected a number, got " + kind(v));
    }
    return v.decimalValue();
  }

  /**
   * A number field that may be absent or null.
   *
   * @param parent the object holding the field
   * @param field the field name
   * @param path the object's JSON path, for messages
   * @return the exact decimal value, empty when absent or null
   * @throws PolicyFormatException when the field is present but not a number
   */
  public static Optional<BigDecimal> optionalDecimal(JsonNode parent, String field, String path) {
    JsonNode v = parent.get(field);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(decimal(parent, field, path));
  }

  /**
   * A required array field.
   *
   * @param parent the object holding the field
   * @param field the field name
   * @param path the object's JSON path, for messages
   * @return the array node
   * @throws PolicyFormatException when the field is missing or not an array
   */
  public static JsonNode array(JsonNode parent, String field, String path) {
    JsonNode v = parent.get(field);
    if (v == null || !v.isArray()) {
      throw new PolicyFormatException(path + "." + field + ": expected an array, got " + kind(v));
    }
    return v;
  }

  /**
   * The JSON kind of a node, for messages (never its content).
   *
   * @param node the node, or null for a missing one
   * @return e.g. {@code string}, {@code object}, {@code nothing}
   */
  public static String kind(JsonNode node) {
    return node == null ? "nothing" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }
}
