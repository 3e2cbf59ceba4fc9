package io.sovereignrouter.gateway.openai;

import static io.sovereignrouter.gateway.openai.FieldType.INTEGER;
import static io.sovereignrouter.gateway.openai.FieldType.STRING;

import io.sovereignrouter.gateway.http.ApiException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Checks a {@code POST /v1/embeddings} body against the OpenAI contract. */
public final class EmbeddingsRequestValidator {
  /** OpenAI's limit on inputs per request. */
  static final int MAX_INPUTS = 2048;

  private static final List<FieldRule> RULES =
      List.of(
          FieldRule.of("encoding_format", STRING),
          FieldRule.range("dimensions", INTEGER, 1, 8192),
          FieldRule.of("user", STRING));

  private EmbeddingsRequestValidator() {}

  /**
   * Validates {@code body}.
   *
   * @throws ApiException 400 naming the offending {@code param}
   */
  public static EmbeddingsRequest validate(JsonObject body) {
    String model = RequestBodies.requireString(body, "model");
    checkInput(body.getValue("input"));
    RULES.forEach(rule -> rule.check(body));
    Object format = body.getValue("encoding_format");
    if (format != null && !format.equals("float") && !format.equals("base64")) {
      throw ApiException.invalid(
          "Invalid value for 'encoding_format': expected 'float' or 'base64'.",
          "encoding_format",
          "invalid_value");
    }
    return new EmbeddingsRequest(model, body);
  }

  private static void checkInput(Object input) {
    if (input == null) {
      throw ApiException.invalid(
          "Missing required parameter: 'input'.", "input", "missing_required_parameter");
    }
    if (input instanceof String s) {
      if (s.isEmpty()) {
        throw ApiException.invalid("Invalid 'input': empty string.", "input", "invalid_value");
      }
      return;
    }
    if (!(input instanceof JsonArray array)) {
      throw ApiException.invalid(
          "Invalid type for 'input': expected a string or an array, but got "
              + FieldType.nameOf(input)
              + ".",
          "input",
          "invalid_type");
    }
    if (array.isEmpty() || array.size() > MAX_INPUTS) {
      throw ApiException.invalid(
          "Invalid 'input': expected an array of 1 to "
              + MAX_INPUTS
              + " items, but got "
              + array.size()
              + ".",
          "input",
          "invalid_value");
    }
    Object first = array.getValue(0);
    for (int i = 0; i < array.size(); i++) {
      Object item = array.getValue(i);
      boolean ok =
          first instanceof String
              ? item instanceof String s && !s.isEmpty()
              : first instanceof Number
                  ? INTEGER.matches(item)
                  : item instanceof JsonArray tokens
                      && !tokens.isEmpty()
                      && tokens.stream().allMatch(INTEGER::matches);
      if (!ok) {
        throw ApiException.invalid(
            "Invalid 'input["
                + i
                + "]': expected every item to be a non-empty string,"
                + " every item an integer token, or every item a non-empty array of integer tokens.",
            "input",
            "invalid_type");
      }
    }
  }
}
