package io.sovereignrouter.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.sovereignrouter.policy.internal.Json;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The wire format of OPA's REST Data API for one evaluation ({@code POST /v1/data/<path>}): the
 * request envelope {@code {"input": …}} and the answer {@code {"result": …}}, where a missing
 * {@code result} means the rule is undefined. Pure text in, text out; the HTTP client lives in the
 * gateway (Vert.x Web Client) and in tests (JDK HttpClient).
 */
public final class OpaDataApi {
  // Rule paths are package and rule names: no dots, query strings, percent-escapes or "..".
  private static final Pattern PATH =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(/[A-Za-z_][A-Za-z0-9_]*)*");

  private OpaDataApi() {}

  /**
   * Checks a rule path and returns the request path for it.
   *
   * @param path the rule path with slashes, e.g. {@link PolicyEngine#DECISION_PATH}
   * @return {@code /v1/data/} and the path
   * @throws IllegalArgumentException when the path is not slash-separated Rego identifiers
   */
  public static String requestPath(String path) {
    if (!PATH.matcher(path).matches()) {
      throw new IllegalArgumentException(
          "rule path: expected identifiers separated by '/', got " + path.length() + " chars");
    }
    return "/v1/data/" + path;
  }

  /**
   * Formats the request body for an input document.
   *
   * @param inputJson the input document, one JSON value
   * @return {@code {"input": <inputJson>}}
   * @throws PolicyFormatException when {@code inputJson} is not one JSON document
   */
  public static String formatRequest(String inputJson) {
    var body = Json.object();
    body.set("input", Json.parse(inputJson, "input"));
    return Json.format(body);
  }

  /**
   * Parses an answer to {@link #formatRequest}.
   *
   * @param body the response body of a 200 answer
   * @return the rule's value as compact JSON, empty when the rule is undefined for the input
   * @throws PolicyFormatException when the body is not a JSON object
   */
  public static Optional<String> parseResult(String body) {
    JsonNode answer = Json.parse(body, "OPA answer");
    if (!answer.isObject()) {
      throw new PolicyFormatException("OPA answer: expected an object, got " + Json.kind(answer));
    }
    JsonNode result = answer.get("result");
    return result == null ? Optional.empty() : Optional.of(Json.format(result));
  }
}
