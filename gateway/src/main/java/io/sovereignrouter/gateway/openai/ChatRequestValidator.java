package io.sovereignrouter.gateway.openai;

import static io.sovereignrouter.gateway.openai.FieldType.ARRAY;
import static io.sovereignrouter.gateway.openai.FieldType.BOOLEAN;
import static io.sovereignrouter.gateway.openai.FieldType.INTEGER;
import static io.sovereignrouter.gateway.openai.FieldType.NUMBER;
import static io.sovereignrouter.gateway.openai.FieldType.OBJECT;
import static io.sovereignrouter.gateway.openai.FieldType.STRING;

import io.sovereignrouter.gateway.http.ApiException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;

/**
 * Checks a {@code POST /v1/chat/completions} body against the OpenAI contract: required fields,
 * types and ranges of known fields. Unknown fields are left for the provider.
 */
public final class ChatRequestValidator {
  private static final Set<String> ROLES =
      Set.of("system", "developer", "user", "assistant", "tool", "function");
  private static final List<FieldRule> RULES =
      List.of(
          FieldRule.of("stream", BOOLEAN),
          FieldRule.of("stream_options", OBJECT),
          FieldRule.range("n", INTEGER, 1, 128),
          FieldRule.range("temperature", NUMBER, 0, 2),
          FieldRule.range("top_p", NUMBER, 0, 1),
          FieldRule.range("max_tokens", INTEGER, 1, Integer.MAX_VALUE),
          FieldRule.range("max_completion_tokens", INTEGER, 1, Integer.MAX_VALUE),
          FieldRule.range("presence_penalty", NUMBER, -2, 2),
          FieldRule.range("frequency_penalty", NUMBER, -2, 2),
          FieldRule.of("stop", STRING, ARRAY),
          FieldRule.of("tools", ARRAY),
          FieldRule.of("tool_choice", STRING, OBJECT),
          FieldRule.of("parallel_tool_calls", BOOLEAN),
          FieldRule.of("response_format", OBJECT),
          FieldRule.of("seed", INTEGER),
          FieldRule.of("user", STRING),
          FieldRule.of("logprobs", BOOLEAN),
          FieldRule.range("top_logprobs", INTEGER, 0, 20),
          FieldRule.of("logit_bias", OBJECT),
          FieldRule.of("metadata", OBJECT),
          FieldRule.of("store", BOOLEAN),
          FieldRule.of("modalities", ARRAY),
          FieldRule.of("reasoning_effort", STRING),
          FieldRule.of("service_tier", STRING));

  private ChatRequestValidator() {}

  /**
   * Validates {@code body}.
   *
   * @throws ApiException 400 naming the offending {@code param}
   */
  public static ChatRequest validate(JsonObject body) {
    String model = RequestBodies.requireString(body, "model");
    checkMessages(body.getValue("messages"));
    RULES.forEach(rule -> rule.check(body));
    boolean stream = Boolean.TRUE.equals(body.getValue("stream"));
    JsonObject options = body.getJsonObject("stream_options");
    if (options != null && !stream) {
      throw ApiException.invalid(
          "The 'stream_options' parameter is only allowed when 'stream' is enabled.",
          "stream_options",
          "invalid_value");
    }
    Object includeUsage = options == null ? null : options.getValue("include_usage");
    if (includeUsage != null && !(includeUsage instanceof Boolean)) {
      throw ApiException.invalid(
          "Invalid type for 'stream_options.include_usage': expected a boolean, but got "
              + FieldType.nameOf(includeUsage)
              + ".",
          "stream_options.include_usage",
          "invalid_type");
    }
    checkStop(body.getValue("stop"));
    return new ChatRequest(model, stream, Boolean.TRUE.equals(includeUsage), body);
  }

  private static void checkMessages(Object value) {
    if (value == null) {
      throw ApiException.invalid(
          "Missing required parameter: 'messages'.", "messages", "missing_required_parameter");
    }
    if (!(value instanceof JsonArray messages)) {
      throw ApiException.invalid(
          "Invalid type for 'messages': expected an array, but got "
              + FieldType.nameOf(value)
              + ".",
          "messages",
          "invalid_type");
    }
    if (messages.isEmpty()) {
      throw ApiException.invalid(
          "Invalid 'messages': empty array. Expected an array with minimum length 1.",
          "messages",
          "empty_array");
    }
    for (int i = 0; i < messages.size(); i++) {
      checkMessage(messages.getValue(i), "messages[" + i + "]");
    }
  }

  private static void checkMessage(Object value, String path) {
    if (!(value instanceof JsonObject message)) {
      throw ApiException.invalid(
          "Invalid type for '"
              + path
              + "': expected an object, but got "
              + FieldType.nameOf(value)
              + ".",
          path,
          "invalid_type");
    }
    Object role = message.getValue("role");
    if (role == null) {
      throw ApiException.invalid(
          "Missing required parameter: '" + path + ".role'.",
          path + ".role",
          "missing_required_parameter");
    }
    if (!(role instanceof String r) || !ROLES.contains(r)) {
      throw ApiException.invalid(
          "Invalid value for '"
              + path
              + ".role': expected one of 'system', 'developer',"
              + " 'user', 'assistant', 'tool' or 'function'.",
          path + ".role",
          "invalid_value");
    }
    Object content = message.getValue("content");
    boolean contentOk =
        content == null
            ? r.equals("assistant") || r.equals("function")
            : content instanceof String || content instanceof JsonArray;
    if (!contentOk) {
      String got = content == null ? "nothing" : FieldType.nameOf(content);
      throw ApiException.invalid(
          "Invalid type for '"
              + path
              + ".content': expected a string or an array of"
              + " content parts, but got "
              + got
              + ".",
          path + ".content",
          "invalid_type");
    }
    if (content instanceof JsonArray parts) {
      for (int i = 0; i < parts.size(); i++) {
        Object part = parts.getValue(i);
        if (!(part instanceof JsonObject p) || !(p.getValue("type") instanceof String)) {
          throw ApiException.invalid(
              "Invalid content part '"
                  + path
                  + ".content["
                  + i
                  + "]': expected an object"
                  + " with a string 'type'.",
              path + ".content[" + i + "]",
              "invalid_type");
        }
      }
    }
  }

  private static void checkStop(Object stop) {
    if (stop instanceof JsonArray array) {
      if (array.size() > 4) {
        throw ApiException.invalid(
            "Invalid 'stop': array too long. Expected at most 4 sequences.",
            "stop",
            "array_above_max_length");
      }
      for (Object s : array) {
        if (!(s instanceof String)) {
          throw ApiException.invalid(
              "Invalid type for 'stop': expected an array of strings.", "stop", "invalid_type");
        }
      }
    }
  }
}
