package io.sovereignrouter.gateway.provider;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** OpenAI chat requests and replies ↔ Gemini {@code generateContent} on Vertex AI. */
final class GeminiTranslation {
  private static final Pattern DATA_URL =
      Pattern.compile("data:([^;,]+);base64,(.*)", Pattern.DOTALL);

  private GeminiTranslation() {}

  static JsonObject request(JsonObject body) {
    JsonArray system = new JsonArray();
    JsonArray contents = new JsonArray();
    Map<String, String> toolNames = new HashMap<>();
    for (Object o : body.getJsonArray("messages")) {
      JsonObject m = (JsonObject) o;
      switch (m.getString("role")) {
        case "system", "developer" -> textParts(m.getValue("content")).forEach(system::add);
        case "assistant" -> append(contents, "model", modelParts(m, toolNames));
        case "tool", "function" ->
            append(contents, "user", new JsonArray().add(functionResponse(m, toolNames)));
        default -> append(contents, "user", userParts(m.getValue("content")));
      }
    }
    JsonObject out = new JsonObject().put("contents", contents);
    if (!system.isEmpty()) {
      out.put("systemInstruction", new JsonObject().put("parts", system));
    }
    JsonObject generation = new JsonObject();
    Object max = body.getValue("max_completion_tokens", body.getValue("max_tokens"));
    put(generation, "maxOutputTokens", max);
    put(generation, "temperature", body.getValue("temperature"));
    put(generation, "topP", body.getValue("top_p"));
    put(generation, "candidateCount", body.getValue("n"));
    put(generation, "seed", body.getValue("seed"));
    Object stop = body.getValue("stop");
    put(generation, "stopSequences", stop instanceof String s ? new JsonArray().add(s) : stop);
    JsonObject format = body.getJsonObject("response_format");
    if (format != null && !"text".equals(format.getString("type"))) {
      generation.put("responseMimeType", "application/json");
      JsonObject schema = format.getJsonObject("json_schema");
      if (schema != null && schema.getJsonObject("schema") != null) {
        generation.put("responseJsonSchema", schema.getJsonObject("schema"));
      }
    }
    if (!generation.isEmpty()) {
      out.put("generationConfig", generation);
    }
    JsonArray tools = body.getJsonArray("tools");
    if (tools != null && !tools.isEmpty()) {
      JsonArray declarations = new JsonArray();
      for (Object o : tools) {
        JsonObject fn = ((JsonObject) o).getJsonObject("function", new JsonObject());
        JsonObject d = new JsonObject().put("name", fn.getString("name"));
        put(d, "description", fn.getString("description"));
        put(d, "parameters", fn.getJsonObject("parameters"));
        declarations.add(d);
      }
      out.put(
          "tools", new JsonArray().add(new JsonObject().put("functionDeclarations", declarations)));
      Object choice = body.getValue("tool_choice");
      JsonObject calling = null;
      if ("required".equals(choice)) {
        calling = new JsonObject().put("mode", "ANY");
      } else if ("none".equals(choice)) {
        calling = new JsonObject().put("mode", "NONE");
      } else if (choice instanceof JsonObject named) {
        calling =
            new JsonObject()
                .put("mode", "ANY")
                .put(
                    "allowedFunctionNames",
                    new JsonArray()
                        .add(named.getJsonObject("function", new JsonObject()).getString("name")));
      }
      if (calling != null) {
        out.put("toolConfig", new JsonObject().put("functionCallingConfig", calling));
      }
    }
    return out;
  }

  private static void put(JsonObject o, String key, Object value) {
    if (value != null) {
      o.put(key, value);
    }
  }

  private static void append(JsonArray contents, String role, JsonArray parts) {
    if (!contents.isEmpty()
        && contents.getJsonObject(contents.size() - 1).getString("role").equals(role)) {
      parts.forEach(contents.getJsonObject(contents.size() - 1).getJsonArray("parts")::add);
      return;
    }
    contents.add(new JsonObject().put("role", role).put("parts", parts));
  }

  private static JsonArray textParts(Object content) {
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

  private static JsonArray userParts(Object content) {
    if (!(content instanceof JsonArray parts)) {
      return textParts(content);
    }
    JsonArray out = new JsonArray();
    for (Object p : parts) {
      JsonObject part = (JsonObject) p;
      if ("text".equals(part.getString("type"))) {
        out.add(new JsonObject().put("text", part.getString("text", "")));
      } else if ("image_url".equals(part.getString("type"))) {
        String url = part.getJsonObject("image_url", new JsonObject()).getString("url", "");
        Matcher m = DATA_URL.matcher(url);
        out.add(
            m.matches()
                ? new JsonObject()
                    .put(
                        "inlineData",
                        new JsonObject().put("mimeType", m.group(1)).put("data", m.group(2)))
                : new JsonObject()
                    .put(
                        "fileData",
                        new JsonObject().put("mimeType", "image/*").put("fileUri", url)));
      }
    }
    return out;
  }

  private static JsonArray modelParts(JsonObject m, Map<String, String> toolNames) {
    JsonArray out = textParts(m.getValue("content"));
    JsonArray calls = m.getJsonArray("tool_calls");
    if (calls != null) {
      for (Object o : calls) {
        JsonObject call = (JsonObject) o;
        JsonObject fn = call.getJsonObject("function", new JsonObject());
        toolNames.put(call.getString("id", ""), fn.getString("name"));
        out.add(
            new JsonObject()
                .put(
                    "functionCall",
                    new JsonObject()
                        .put("name", fn.getString("name"))
                        .put("args", object(fn.getString("arguments", "{}")))));
      }
    }
    return out;
  }

  private static JsonObject functionResponse(JsonObject m, Map<String, String> toolNames) {
    String name =
        toolNames.getOrDefault(m.getString("tool_call_id", ""), m.getString("name", "tool"));
    Object content = m.getValue("content");
    String text = content instanceof String s ? s : String.valueOf(content);
    JsonObject response;
    try {
      response = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      response = new JsonObject().put("content", text);
    }
    return new JsonObject()
        .put("functionResponse", new JsonObject().put("name", name).put("response", response));
  }

  private static JsonObject object(String json) {
    try {
      return new JsonObject(json.isBlank() ? "{}" : json);
    } catch (DecodeException | ClassCastException e) {
      return new JsonObject();
    }
  }

  static String finishReason(String reason, boolean toolCalls) {
    if (toolCalls) {
      return "tool_calls";
    }
    if (reason == null) {
      return "stop";
    }
    return switch (reason) {
      case "MAX_TOKENS" -> "length";
      case "SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY" ->
          "content_filter";
      default -> "stop";
    };
  }

  static JsonObject usage(JsonObject meta) {
    long prompt = meta.getLong("promptTokenCount", 0L);
    long completion =
        meta.getLong("candidatesTokenCount", 0L) + meta.getLong("thoughtsTokenCount", 0L);
    return new JsonObject()
        .put("prompt_tokens", prompt)
        .put("completion_tokens", completion)
        .put("total_tokens", prompt + completion)
        .put(
            "prompt_tokens_details",
            new JsonObject().put("cached_tokens", meta.getLong("cachedContentTokenCount", 0L)));
  }

  /** Text and OpenAI tool calls of one candidate. */
  record CandidateContent(String text, JsonArray toolCalls) {}

  static CandidateContent content(JsonObject candidate, String callIdPrefix, boolean withIndex) {
    StringBuilder text = new StringBuilder();
    JsonArray calls = new JsonArray();
    for (Object o :
        candidate
            .getJsonObject("content", new JsonObject())
            .getJsonArray("parts", new JsonArray())) {
      JsonObject part = (JsonObject) o;
      if (part.getString("text") != null && !Boolean.TRUE.equals(part.getValue("thought"))) {
        text.append(part.getString("text"));
      } else if (part.getJsonObject("functionCall") != null) {
        JsonObject fc = part.getJsonObject("functionCall");
        JsonObject call =
            new JsonObject()
                .put("id", callIdPrefix + calls.size())
                .put("type", "function")
                .put(
                    "function",
                    new JsonObject()
                        .put("name", fc.getString("name"))
                        .put("arguments", fc.getJsonObject("args", new JsonObject()).encode()));
        if (withIndex) {
          call.put("index", calls.size());
        }
        calls.add(call);
      }
    }
    return new CandidateContent(text.toString(), calls);
  }

  static JsonObject completion(JsonObject reply, String clientModel, String id, long created) {
    JsonArray choices = new JsonArray();
    JsonArray candidates = reply.getJsonArray("candidates", new JsonArray());
    for (int i = 0; i < candidates.size(); i++) {
      JsonObject candidate = candidates.getJsonObject(i);
      CandidateContent c = content(candidate, "call_" + id + "_" + i + "_", false);
      JsonObject message = new JsonObject().put("role", "assistant");
      if (c.text().isEmpty() && !c.toolCalls().isEmpty()) {
        message.putNull("content");
      } else {
        message.put("content", c.text());
      }
      message.putNull("refusal");
      if (!c.toolCalls().isEmpty()) {
        message.put("tool_calls", c.toolCalls());
      }
      choices.add(
          new JsonObject()
              .put("index", candidate.getInteger("index", i))
              .put("message", message)
              .putNull("logprobs")
              .put(
                  "finish_reason",
                  finishReason(candidate.getString("finishReason"), !c.toolCalls().isEmpty())));
    }
    return new JsonObject()
        .put("id", "chatcmpl-" + reply.getString("responseId", id))
        .put("object", "chat.completion")
        .put("created", created)
        .put("model", clientModel)
        .put("choices", choices)
        .put("usage", usage(reply.getJsonObject("usageMetadata", new JsonObject())));
  }
}
