package io.sovereignrouter.gateway.provider;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** OpenAI chat requests and replies ↔ Bedrock Runtime Converse. */
final class BedrockConverse {

  private BedrockConverse() {}

  static JsonObject request(JsonObject body) {
    JsonArray system = new JsonArray();
    JsonArray messages = new JsonArray();
    for (Object o : body.getJsonArray("messages")) {
      JsonObject m = (JsonObject) o;
      switch (m.getString("role")) {
        case "system", "developer" -> texts(m.getValue("content")).forEach(system::add);
        case "assistant" -> append(messages, "assistant", assistant(m));
        case "tool", "function" -> append(messages, "user", new JsonArray().add(toolResult(m)));
        default -> append(messages, "user", content(m.getValue("content")));
      }
    }
    JsonObject out = new JsonObject().put("messages", messages);
    if (!system.isEmpty()) {
      out.put("system", system);
    }
    JsonObject inference = new JsonObject();
    OpenAiRequests.maxTokens(body).ifPresent(max -> inference.put("maxTokens", max));
    if (body.getValue("temperature") != null) {
      inference.put("temperature", body.getValue("temperature"));
    }
    if (body.getValue("top_p") != null) {
      inference.put("topP", body.getValue("top_p"));
    }
    OpenAiRequests.stops(body).ifPresent(stops -> inference.put("stopSequences", stops));
    if (!inference.isEmpty()) {
      out.put("inferenceConfig", inference);
    }
    JsonArray tools = body.getJsonArray("tools");
    if (tools != null && !tools.isEmpty() && !"none".equals(body.getValue("tool_choice"))) {
      JsonArray specs = new JsonArray();
      for (Object o : tools) {
        JsonObject fn = ((JsonObject) o).getJsonObject("function", new JsonObject());
        JsonObject spec =
            new JsonObject()
                .put("name", fn.getString("name"))
                .put(
                    "inputSchema",
                    new JsonObject()
                        .put(
                            "json",
                            fn.getJsonObject(
                                "parameters", new JsonObject().put("type", "object"))));
        if (fn.getString("description") != null) {
          spec.put("description", fn.getString("description"));
        }
        specs.add(new JsonObject().put("toolSpec", spec));
      }
      JsonObject config = new JsonObject().put("tools", specs);
      Object choice = body.getValue("tool_choice");
      if ("required".equals(choice)) {
        config.put("toolChoice", new JsonObject().put("any", new JsonObject()));
      } else if (choice instanceof JsonObject named) {
        config.put(
            "toolChoice",
            new JsonObject()
                .put(
                    "tool",
                    new JsonObject()
                        .put(
                            "name",
                            named.getJsonObject("function", new JsonObject()).getString("name"))));
      }
      out.put("toolConfig", config);
    }
    return out;
  }

  private static void append(JsonArray messages, String role, JsonArray blocks) {
    OpenAiRequests.appendTurn(messages, role, blocks, "content");
  }

  private static JsonArray texts(Object content) {
    return OpenAiRequests.textBlocks(content, t -> new JsonObject().put("text", t));
  }

  private static JsonArray content(Object content) {
    JsonArray out = texts(content);
    if (content instanceof JsonArray parts) {
      for (Object p : parts) {
        JsonObject part = (JsonObject) p;
        if ("image_url".equals(part.getString("type"))) {
          OpenAiRequests.inline(OpenAiRequests.imageUrl(part))
              .filter(i -> i.mediaType().startsWith("image/"))
              .ifPresent(
                  i -> {
                    String format = i.mediaType().substring(6).replace("jpg", "jpeg");
                    out.add(
                        new JsonObject()
                            .put(
                                "image",
                                new JsonObject()
                                    .put("format", format)
                                    .put("source", new JsonObject().put("bytes", i.base64()))));
                  });
        }
      }
    }
    return out;
  }

  private static JsonArray assistant(JsonObject m) {
    JsonArray out = texts(m.getValue("content"));
    JsonArray calls = m.getJsonArray("tool_calls");
    if (calls != null) {
      for (Object o : calls) {
        JsonObject call = (JsonObject) o;
        JsonObject fn = call.getJsonObject("function", new JsonObject());
        out.add(
            new JsonObject()
                .put(
                    "toolUse",
                    new JsonObject()
                        .put("toolUseId", call.getString("id"))
                        .put("name", fn.getString("name"))
                        .put("input", OpenAiRequests.arguments(fn.getString("arguments")))));
      }
    }
    return out;
  }

  private static JsonObject toolResult(JsonObject m) {
    return new JsonObject()
        .put(
            "toolResult",
            new JsonObject()
                .put("toolUseId", m.getString("tool_call_id", ""))
                .put("content", texts(m.getValue("content"))));
  }

  static String finishReason(String stopReason) {
    if (stopReason == null) {
      return "stop";
    }
    return switch (stopReason) {
      case "max_tokens", "model_context_window_exceeded" -> "length";
      case "tool_use" -> "tool_calls";
      case "guardrail_intervened", "content_filtered" -> "content_filter";
      default -> "stop";
    };
  }

  static JsonObject usage(JsonObject usage) {
    long cacheRead = usage.getLong("cacheReadInputTokens", 0L);
    long prompt =
        usage.getLong("inputTokens", 0L) + cacheRead + usage.getLong("cacheWriteInputTokens", 0L);
    return OpenAiReplies.usage(prompt, usage.getLong("outputTokens", 0L), cacheRead);
  }

  static JsonObject completion(JsonObject reply, String clientModel, String id, long created) {
    JsonObject message =
        reply.getJsonObject("output", new JsonObject()).getJsonObject("message", new JsonObject());
    StringBuilder text = new StringBuilder();
    JsonArray calls = new JsonArray();
    for (Object o : message.getJsonArray("content", new JsonArray())) {
      JsonObject block = (JsonObject) o;
      if (block.getString("text") != null) {
        text.append(block.getString("text"));
      } else if (block.getJsonObject("toolUse") != null) {
        JsonObject use = block.getJsonObject("toolUse");
        calls.add(
            OpenAiReplies.toolCall(
                use.getString("toolUseId"),
                use.getString("name"),
                use.getJsonObject("input", new JsonObject()).encode()));
      }
    }
    JsonObject choice =
        OpenAiReplies.choice(
            0, text.toString(), calls, finishReason(reply.getString("stopReason")));
    return OpenAiReplies.completion(
        "chatcmpl-" + id,
        clientModel,
        created,
        new JsonArray().add(choice),
        usage(reply.getJsonObject("usage", new JsonObject())));
  }
}
