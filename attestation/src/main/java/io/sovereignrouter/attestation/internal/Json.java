package io.sovereignrouter.attestation.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sovereignrouter.attestation.FormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The module's one JSON codec. Strict reading (duplicate keys rejected, size-capped, trailing
 * tokens rejected); compact writing in insertion order.
 */
public final class Json {
  /** Largest JSON document read. */
  public static final int MAX_SIZE = 1 << 20;

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .build();

  static {
    MAPPER
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(MAX_SIZE).build());
  }

  private Json() {}

  /**
   * Reads a JSON document into a tree.
   *
   * @param bytes UTF-8 JSON
   * @param what name used in error messages
   * @return the tree
   * @throws FormatException if the input is not one well-formed JSON value
   */
  public static JsonNode read(byte[] bytes, String what) {
    if (bytes.length > MAX_SIZE) {
      throw new FormatException(what + ": " + bytes.length + " bytes, max " + MAX_SIZE);
    }
    try {
      JsonNode n = MAPPER.readTree(bytes);
      if (n == null || n.isMissingNode()) {
        throw new FormatException(what + ": empty document");
      }
      return n;
    } catch (IOException e) {
      throw new FormatException(what + ": not well-formed JSON", e);
    }
  }

  /**
   * Writes a tree compactly as UTF-8.
   *
   * @param node the tree
   * @return the bytes
   */
  public static byte[] write(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new FormatException("cannot serialise JSON", e);
    }
  }

  /**
   * Writes a tree compactly as a string.
   *
   * @param node the tree
   * @return the text
   */
  public static String writeString(JsonNode node) {
    return new String(write(node), StandardCharsets.UTF_8);
  }

  /**
   * A new empty object node.
   *
   * @return the node
   */
  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }
}
