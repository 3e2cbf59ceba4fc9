package io.sovereignrouter.gateway.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The admin API's OpenAPI document, read for tests: its operations, and a validator for the subset
 * of JSON Schema the document uses ($ref, allOf, type, enum, properties, required, items).
 */
final class OpenApiSpec {
  private final JsonNode root;

  private OpenApiSpec(JsonNode root) {
    this.root = root;
  }

  static OpenApiSpec load() {
    try (InputStream in = OpenApiSpec.class.getResourceAsStream(AdminOpenApi.RESOURCE)) {
      return new OpenApiSpec(new ObjectMapper(new YAMLFactory()).readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JsonNode root() {
    return root;
  }

  /** "METHOD /path" for every operation, path parameters as {@code :name} (Vert.x form). */
  Set<String> operations() {
    Set<String> out = new TreeSet<>();
    root.get("paths")
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        method -> {
                          if (!method.equals("parameters")) {
                            out.add(
                                method.toUpperCase()
                                    + " "
                                    + path.getKey().replaceAll("\\{([a-z_]+)}", ":$1"));
                          }
                        }));
    return out;
  }

  /** The response schema of an operation and status. */
  JsonNode responseSchema(String method, String path, int status) {
    JsonNode response =
        resolve(
            root.at(
                "/paths/" + escape(path) + "/" + method.toLowerCase() + "/responses/" + status));
    if (response.isMissingNode()) {
      throw new AssertionError(method + " " + path + " documents no " + status);
    }
    JsonNode content = response.path("content");
    JsonNode media =
        content.has("application/json")
            ? content.get("application/json")
            : content.path("application/problem+json");
    return media.path("schema");
  }

  /** Every violation of {@code schema} by {@code value}; empty when it conforms. */
  List<String> violations(JsonNode schema, JsonNode value) {
    List<String> out = new ArrayList<>();
    check(schema, value, "$", out);
    return out;
  }

  private void check(JsonNode schema, JsonNode value, String at, List<String> out) {
    schema = resolve(schema);
    if (schema.has("allOf")) {
      schema.get("allOf").forEach(s -> check(s, value, at, out));
    }
    if (schema.has("enum")) {
      boolean found = false;
      for (JsonNode e : schema.get("enum")) {
        found |= e.equals(value);
      }
      if (!found) {
        out.add(at + ": " + value + " not in " + schema.get("enum"));
      }
    }
    if (schema.has("type")) {
      List<String> types = new ArrayList<>();
      if (schema.get("type").isArray()) {
        schema.get("type").forEach(t -> types.add(t.asText()));
      } else {
        types.add(schema.get("type").asText());
      }
      if (types.stream().noneMatch(t -> is(t, value))) {
        out.add(at + ": " + value.getNodeType() + " is not " + types);
        return;
      }
    }
    if (value.isObject()) {
      for (JsonNode required : schema.path("required")) {
        if (!value.has(required.asText())) {
          out.add(at + ": missing required '" + required.asText() + "'");
        }
      }
      Iterator<Map.Entry<String, JsonNode>> props = schema.path("properties").fields();
      while (props.hasNext()) {
        Map.Entry<String, JsonNode> p = props.next();
        if (value.has(p.getKey())) {
          check(p.getValue(), value.get(p.getKey()), at + "." + p.getKey(), out);
        }
      }
    }
    if (value.isArray() && schema.has("items")) {
      for (int i = 0; i < value.size(); i++) {
        check(schema.get("items"), value.get(i), at + "[" + i + "]", out);
      }
    }
  }

  private static boolean is(String type, JsonNode v) {
    return switch (type) {
      case "object" -> v.isObject();
      case "array" -> v.isArray();
      case "string" -> v.isTextual();
      case "integer" -> v.isIntegralNumber();
      case "number" -> v.isNumber();
      case "boolean" -> v.isBoolean();
      case "null" -> v.isNull();
      default -> throw new AssertionError("unknown type " + type);
    };
  }

  private JsonNode resolve(JsonNode node) {
    while (node.has("$ref")) {
      node = root.at(node.get("$ref").asText().substring(1));
    }
    return node;
  }

  private static String escape(String path) {
    return path.replace("~", "~0").replace("/", "~1");
  }
}
