package io.sovereignrouter.gateway.provider;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;

/** OpenAI chat requests and replies ↔ Gemini {@code generateContent} on Vertex AI. */
final class GeminiTranslation {

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
    put(generation, "maxOutputTokens", OpenAiRequests.maxTokens(body).orElse(null));
    put(generation, "temperature", body.getValue("temperature"));
    put(generation, "topP", body.getValue("top_p"));
    put(generation, "candidateCount", body.getValue("n"));
    put(generation, "seed", body.getValue("seed"));
    put(generation, "stopSequences", OpenAiRequests.stops(body).orElse(null));
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
    OpenAiRequests.appendTurn(contents, role, parts, "parts");
  }

  private static JsonArray textParts(Object content) {
    return OpenAiRequests.textBlocks(content, t -> new JsonObject().put("text", t));
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
        String url = OpenAiRequests.imageUrl(part);
        out.add(
            OpenAiRequests.inline(url)
                .map(
                    i ->
                        new JsonObject()
                            .put(
                                "inlineData",
                                new JsonObject()
                                    .put("mimeType", i.mediaType())
                                    .put("data", i.base64())))
                .orElseGet(
                    () ->
                        new JsonObject()
                            .put(
                                "fileData",
                                new JsonObject().put("mimeType", "image/*").put("fileUri", url))));
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
                        .put("args", OpenAiRequests.arguments(fn.getString("arguments")))));
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
    long completion =
        meta.getLong("candidatesTokenCount", 0L) + meta.getLong("thoughtsTokenCount", 0L);
    return OpenAiReplies.usage(
        meta.getLong("promptTokenCount", 0L),
        completion,
        meta.getLong("cachedContentTokenCount", 0L));
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
            OpenAiReplies.toolCall(
                callIdPrefix + calls.size(),
                fc.getString("name"),
                fc.getJsonObject("args", new JsonObject()).encode());
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
      String finish = finishReason(candidate.getString("finishReason"), !c.toolCalls().isEmpty());
      choices.add(
          OpenAiReplies.choice(candidate.getInteger("index", i), c.text(), c.toolCalls(), finish));
    }
    return OpenAiReplies.completion(
        "chatcmpl-" + reply.getString("responseId", id),
        clientModel,
        created,
        choices,
        usage(reply.getJsonObject("usageMetadata", new JsonObject())));
  }
}
