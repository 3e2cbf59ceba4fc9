package io.sovereignrouter.gateway.provider;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * OpenAI chat request → Anthropic Messages request. System and developer messages become the
 * top-level {@code system}; tool calls become {@code tool_use} blocks and tool messages {@code
 * tool_result} blocks; image parts become {@code image} blocks; consecutive turns of one role are
 * merged, as the Messages API expects alternating turns.
 */
final class AnthropicRequests {
  /** Anthropic requires {@code max_tokens}; used when the client sets none. */
  static final int DEFAULT_MAX_TOKENS = 4096;

  private AnthropicRequests() {}

  /**
   * Translates {@code body} (already validated as an OpenAI request).
   *
   * @return the Messages request, or empty plus a reason when the request cannot be expressed
   */
  static Translation translate(JsonObject body, String upstreamModel, boolean stream) {
    if (body.getValue("n") instanceof Number n && n.intValue() > 1) {
      return Translation.unsupported("n > 1 is not supported by Anthropic models", "n");
    }
    JsonObject out = new JsonObject().put("model", upstreamModel);
    JsonArray system = new JsonArray();
    JsonArray messages = new JsonArray();
    for (Object o : body.getJsonArray("messages")) {
      JsonObject m = (JsonObject) o;
      String role = m.getString("role");
      switch (role) {
        case "system", "developer" -> textBlocks(m.getValue("content")).forEach(system::add);
        case "user" -> append(messages, "user", contentBlocks(m.getValue("content")));
        case "assistant" -> append(messages, "assistant", assistantBlocks(m));
        case "tool", "function" -> append(messages, "user", new JsonArray().add(toolResult(m)));
        default -> {
          return Translation.unsupported(
              "role '" + role + "' has no Anthropic equivalent", "messages");
        }
      }
    }
    if (!system.isEmpty()) {
      out.put("system", system);
    }
    out.put("messages", messages);
    out.put("max_tokens", OpenAiRequests.maxTokens(body).orElse(DEFAULT_MAX_TOKENS));
    copyIfPresent(body, out, "temperature", "temperature");
    copyIfPresent(body, out, "top_p", "top_p");
    OpenAiRequests.stops(body).ifPresent(stops -> out.put("stop_sequences", stops));
    if (body.getValue("user") instanceof String user) {
      out.put("metadata", new JsonObject().put("user_id", user));
    }
    JsonArray tools = body.getJsonArray("tools");
    if (tools != null && !tools.isEmpty()) {
      out.put("tools", tools(tools));
      toolChoice(body).ifPresent(choice -> out.put("tool_choice", choice));
    }
    if (stream) {
      out.put("stream", true);
    }
    return new Translation(Optional.of(out), null, null);
  }

  /**
   * A translated request, or why there is none.
   *
   * @param request the Messages request
   * @param reason what cannot be expressed
   * @param param the OpenAI field at fault
   */
  record Translation(Optional<JsonObject> request, String reason, String param) {
    static Translation unsupported(String reason, String param) {
      return new Translation(Optional.empty(), reason, param);
    }
  }

  private static void copyIfPresent(JsonObject from, JsonObject to, String field, String as) {
    Object value = from.getValue(field);
    if (value != null) {
      to.put(as, value);
    }
  }

  private static void append(JsonArray messages, String role, JsonArray blocks) {
    OpenAiRequests.appendTurn(messages, role, blocks, "content");
  }

  private static JsonArray textBlocks(Object content) {
    return OpenAiRequests.textBlocks(content, AnthropicRequests::text);
  }

  private static JsonArray contentBlocks(Object content) {
    if (!(content instanceof JsonArray parts)) {
      return textBlocks(content);
    }
    JsonArray out = new JsonArray();
    for (Object p : parts) {
      JsonObject part = (JsonObject) p;
      switch (part.getString("type")) {
        case "text" -> out.add(text(part.getString("text", "")));
        case "image_url" -> out.add(image(OpenAiRequests.imageUrl(part)));
        default -> {} // audio and file parts have no Messages equivalent here; dropped
      }
    }
    return out;
  }

  private static JsonObject image(String url) {
    JsonObject source =
        OpenAiRequests.inline(url)
            .map(
                i ->
                    new JsonObject()
                        .put("type", "base64")
                        .put("media_type", i.mediaType())
                        .put("data", i.base64()))
            .orElseGet(() -> new JsonObject().put("type", "url").put("url", url));
    return new JsonObject().put("type", "image").put("source", source);
  }

  private static JsonArray assistantBlocks(JsonObject message) {
    JsonArray out = textBlocks(message.getValue("content"));
    JsonArray calls = message.getJsonArray("tool_calls");
    if (calls != null) {
      for (Object o : calls) {
        JsonObject call = (JsonObject) o;
        JsonObject fn = call.getJsonObject("function", new JsonObject());
        out.add(
            new JsonObject()
                .put("type", "tool_use")
                .put("id", call.getString("id"))
                .put("name", fn.getString("name"))
                .put("input", OpenAiRequests.arguments(fn.getString("arguments"))));
      }
    }
    return out;
  }

  private static JsonObject toolResult(JsonObject message) {
    return new JsonObject()
        .put("type", "tool_result")
        .put("tool_use_id", message.getString("tool_call_id", message.getString("name", "")))
        .put("content", String.join("", OpenAiRequests.texts(message.getValue("content"))));
  }

  private static JsonArray tools(JsonArray tools) {
    JsonArray out = new JsonArray();
    for (Object o : tools) {
      JsonObject fn = ((JsonObject) o).getJsonObject("function", new JsonObject());
      JsonObject tool =
          new JsonObject()
              .put("name", fn.getString("name"))
              .put(
                  "input_schema",
                  fn.getJsonObject("parameters", new JsonObject().put("type", "object")));
      if (fn.getString("description") != null) {
        tool.put("description", fn.getString("description"));
      }
      out.add(tool);
    }
    return out;
  }

  private static Optional<JsonObject> toolChoice(JsonObject body) {
    Object choice = body.getValue("tool_choice");
    JsonObject out;
    if (choice instanceof JsonObject named) {
      out =
          new JsonObject()
              .put("type", "tool")
              .put("name", named.getJsonObject("function", new JsonObject()).getString("name"));
    } else if ("required".equals(choice)) {
      out = new JsonObject().put("type", "any");
    } else if ("none".equals(choice)) {
      out = new JsonObject().put("type", "none");
    } else {
      out = new JsonObject().put("type", "auto");
    }
    if (Boolean.FALSE.equals(body.getValue("parallel_tool_calls"))
        && !"none".equals(out.getString("type"))) {
      out.put("disable_parallel_tool_use", true);
    }
    return Optional.of(out);
  }

  private static JsonObject text(String s) {
    return new JsonObject().put("type", "text").put("text", s);
  }
}
