package io.sovereignrouter.gateway.openai;

import io.sovereignrouter.gateway.http.ApiException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/** Parsing of request bodies into JSON objects with OpenAI-style errors. */
public final class RequestBodies {
  private RequestBodies() {}

  /**
   * Parses {@code body} as one JSON object.
   *
   * @throws ApiException 400 when it is empty, malformed, or not an object
   */
  public static JsonObject parseObject(Buffer body) {
    if (body == null || body.length() == 0) {
      throw ApiException.invalid(
          "The request body is empty; expected a JSON object.", null, "invalid_json");
    }
    Object value;
    try {
      value = io.vertx.core.json.Json.decodeValue(body);
    } catch (DecodeException e) {
      throw ApiException.invalid(
          "We could not parse the JSON body of your request. (HINT: This likely means"
              + " you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload.)",
          null,
          "invalid_json");
    }
    if (!(value instanceof JsonObject object)) {
      throw ApiException.invalid(
          "The request body must be a JSON object, but got " + FieldType.nameOf(value) + ".",
          null,
          "invalid_json");
    }
    return object;
  }

  /** Reads a required non-empty string field. */
  static String requireString(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (value == null) {
      throw ApiException.invalid(
          "Missing required parameter: '" + field + "'.", field, "missing_required_parameter");
    }
    if (!(value instanceof String s)) {
      throw ApiException.invalid(
          "Invalid type for '"
              + field
              + "': expected a string, but got "
              + FieldType.nameOf(value)
              + ".",
          field,
          "invalid_type");
    }
    if (s.isBlank()) {
      throw ApiException.invalid(
          "Invalid value for '" + field + "': must not be empty.", field, "invalid_value");
    }
    return s;
  }
}
