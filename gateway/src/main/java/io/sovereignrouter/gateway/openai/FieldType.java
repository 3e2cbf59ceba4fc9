package io.sovereignrouter.gateway.openai;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** JSON value types a request field may be required to have. */
enum FieldType {
  STRING("a string"),
  BOOLEAN("a boolean"),
  INTEGER("an integer"),
  NUMBER("a number"),
  OBJECT("an object"),
  ARRAY("an array");

  private final String description;

  FieldType(String description) {
    this.description = description;
  }

  String description() {
    return description;
  }

  boolean matches(Object value) {
    return switch (this) {
      case STRING -> value instanceof String;
      case BOOLEAN -> value instanceof Boolean;
      case INTEGER ->
          value instanceof Integer
              || value instanceof Long
              || value instanceof java.math.BigInteger;
      case NUMBER -> value instanceof Number;
      case OBJECT -> value instanceof JsonObject;
      case ARRAY -> value instanceof JsonArray;
    };
  }

  /** JSON type name of {@code value} for error messages. */
  static String nameOf(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof Boolean) {
      return "boolean";
    }
    if (value instanceof Number) {
      return "number";
    }
    if (value instanceof JsonObject) {
      return "object";
    }
    return value instanceof JsonArray ? "array" : "unknown";
  }
}
