package io.sovereignrouter.gateway.provider;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** OpenAI chat requests and replies ↔ Bedrock Runtime Converse. */
final class BedrockConverse {
  private static final Pattern DATA_URL =
      Pattern.compile("data:image/([a-z]+);base64,(.*)", Pattern.DOTALL);

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
    Object max = body.getValue("max_completion_tokens", body.getValue("max_tokens"));
    if (max != null) {
      inference.put("maxTokens", max);
    }
    if (body.getValue("temperature") != null) {
      inference.put("temperature", body.getValue("temperature"));
    }
    if (body.getValue("top_p") != null) {
      inference.put("topP", body.getValue("top_p"));
    }
    Object stop = body.getValue("stop");
    if (stop != null) {
      inference.put("stopSequences", stop instanceof String s ? new JsonArray().add(s) : stop);
    }
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
    if (!messages.isEmpty()
        && messages.getJsonObject(messages.size() - 1).getString("role").equals(role)) {
      blocks.forEach(messages.getJsonObject(messages.size() - 1).getJsonArray("content")::add);
      return;
    }
    messages.add(new JsonObject().put("role", role).put("content", blocks));
  }

  private static JsonArray texts(Object content) {
    JsonArray out = new JsonArray();
    if (content instanceof String s) {
      out.add(new JsonObject().put("text", s));
    } else if (content instanceof JsonArray parts) {
      for (Object p : parts) {
        JsonObject part = (JsonObject) p;
        if ("text".equals(part.getString("type"))) {
          out.add(new JsonObject().put("text", part.getString("text", "")));
        }
      }
    }
    return out;
  }

  private static JsonArray content(Object content) {
    JsonArray out = texts(content);
    if (content instanceof JsonArray parts) {
      for (Object p : parts) {
        JsonObject part = (JsonObject) p;
        if ("image_url".equals(part.getString("type"))) {
          Matcher m =
              DATA_URL.matcher(
                  part.getJsonObject("image_url", new JsonObject()).getString("url", ""));
          if (m.matches()) {
            String format = m.group(1).equals("jpg") ? "jpeg" : m.group(1);
            out.add(
                new JsonObject()
                    .put(
                        "image",
                        new JsonObject()
                            .put("format", format)
                            .put("source", new JsonObject().put("bytes", m.group(2)))));
          }
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
                        .put("input", arguments(fn.getString("arguments", "{}")))));
      }
    }
    return out;
  }

  private static JsonObject arguments(String json) {
    try {
      return new JsonObject(json.isBlank() ? "{}" : json);
    } catch (DecodeException | ClassCastException e) {
      return new JsonObject();
    }
  }

  private static JsonObject toolResult(JsonObject m) {
    Object content = m.getValue("content");
    JsonArray blocks =
        content instanceof String s
            ? new JsonArray().add(new JsonObject().put("text", s))
            : texts(content);
    return new JsonObject()
        .put(
            "toolResult",
            new JsonObject()
                .put("toolUseId", m.getString("tool_call_id", ""))
                .put("content", blocks));
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
    long completion = usage.getLong("outputTokens", 0L);
    return new JsonObject()
        .put("prompt_tokens", prompt)
        .put("completion_tokens", completion)
        .put("total_tokens", prompt + completion)
        .put("prompt_tokens_details", new JsonObject().put("cached_tokens", cacheRead));
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
            new JsonObject()
                .put("id", use.getString("toolUseId"))
                .put("type", "function")
                .put(
                    "function",
                    new JsonObject()
                        .put("name", use.getString("name"))
                        .put("arguments", use.getJsonObject("input", new JsonObject()).encode())));
      }
    }
    JsonObject out = new JsonObject().put("role", "assistant");
    if (text.isEmpty() && !calls.isEmpty()) {
      out.putNull("content");
    } else {
      out.put("content", text.toString());
    }
    out.putNull("refusal");
    if (!calls.isEmpty()) {
      out.put("tool_calls", calls);
    }
    return new JsonObject()
        .put("id", "chatcmpl-" + id)
        .put("object", "chat.completion")
        .put("created", created)
        .put("model", clientModel)
        .put(
            "choices",
            new JsonArray()
                .add(
                    new JsonObject()
                        .put("index", 0)
                        .put("message", out)
                        .putNull("logprobs")
                        .put("finish_reason", finishReason(reply.getString("stopReason")))))
        .put("usage", usage(reply.getJsonObject("usage", new JsonObject())));
  }
}
