package io.sovereignrouter.gateway.provider;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;

/** OpenAI requests and replies ↔ Ollama's native {@code /api/chat} and {@code /api/embed}. */
final class OllamaTranslation {

  private OllamaTranslation() {}

  static JsonObject chatRequest(JsonObject body, String model, boolean stream) {
    JsonArray messages = new JsonArray();
    for (Object o : body.getJsonArray("messages")) {
      messages.add(message((JsonObject) o));
    }
    JsonObject options = new JsonObject();
    copy(body, options, "temperature", "temperature");
    copy(body, options, "top_p", "top_p");
    copy(body, options, "seed", "seed");
    copy(body, options, "presence_penalty", "presence_penalty");
    copy(body, options, "frequency_penalty", "frequency_penalty");
    Object max = body.getValue("max_completion_tokens", body.getValue("max_tokens"));
    if (max != null) {
      options.put("num_predict", max);
    }
    Object stop = body.getValue("stop");
    if (stop != null) {
      options.put("stop", stop instanceof String s ? new JsonArray().add(s) : stop);
    }
    JsonObject out =
        new JsonObject().put("model", model).put("messages", messages).put("stream", stream);
    if (!options.isEmpty()) {
      out.put("options", options);
    }
    JsonArray tools = body.getJsonArray("tools");
    if (tools != null && !tools.isEmpty()) {
      out.put("tools", tools.copy());
    }
    JsonObject format = body.getJsonObject("response_format");
    if (format != null && "json_object".equals(format.getString("type"))) {
      out.put("format", "json");
    } else if (format != null && "json_schema".equals(format.getString("type"))) {
      out.put(
          "format",
          format
              .getJsonObject("json_schema", new JsonObject())
              .getJsonObject("schema", new JsonObject()));
    }
    return out;
  }

  private static JsonObject message(JsonObject m) {
    JsonObject out =
        new JsonObject()
            .put("role", m.getString("role").equals("developer") ? "system" : m.getString("role"));
    Object content = m.getValue("content");
    StringBuilder text = new StringBuilder();
    JsonArray images = new JsonArray();
    if (content instanceof String s) {
      text.append(s);
    } else if (content instanceof JsonArray parts) {
      for (Object p : parts) {
        JsonObject part = (JsonObject) p;
        if ("text".equals(part.getString("type"))) {
          text.append(part.getString("text", ""));
        } else if ("image_url".equals(part.getString("type"))) {
          OpenAiRequests.inline(OpenAiRequests.imageUrl(part))
              .ifPresent(i -> images.add(i.base64()));
        }
      }
    }
    out.put("content", text.toString());
    if (!images.isEmpty()) {
      out.put("images", images);
    }
    JsonArray calls = m.getJsonArray("tool_calls");
    if (calls != null) {
      JsonArray ollamaCalls = new JsonArray();
      for (Object o : calls) {
        JsonObject fn = ((JsonObject) o).getJsonObject("function", new JsonObject());
        ollamaCalls.add(
            new JsonObject()
                .put(
                    "function",
                    new JsonObject()
                        .put("name", fn.getString("name"))
                        .put("arguments", OpenAiRequests.arguments(fn.getString("arguments")))));
      }
      out.put("tool_calls", ollamaCalls);
    }
    if (m.getString("name") != null && "tool".equals(m.getString("role"))) {
      out.put("tool_name", m.getString("name"));
    }
    return out;
  }

  private static void copy(JsonObject from, JsonObject to, String field, String as) {
    Object v = from.getValue(field);
    if (v != null) {
      to.put(as, v);
    }
  }

  /** OpenAI {@code tool_calls} from an Ollama message (which carries no ids: they are made up). */
  static JsonArray toolCalls(JsonObject message, String idPrefix, boolean withIndex) {
    JsonArray out = new JsonArray();
    JsonArray calls = message.getJsonArray("tool_calls", new JsonArray());
    for (int i = 0; i < calls.size(); i++) {
      JsonObject fn = calls.getJsonObject(i).getJsonObject("function", new JsonObject());
      JsonObject call =
          OpenAiReplies.toolCall(
              idPrefix + i,
              fn.getString("name"),
              fn.getJsonObject("arguments", new JsonObject()).encode());
      if (withIndex) {
        call.put("index", i);
      }
      out.add(call);
    }
    return out;
  }

  static String finishReason(JsonObject reply, boolean sawToolCalls) {
    if (sawToolCalls) {
      return "tool_calls";
    }
    return "length".equals(reply.getString("done_reason")) ? "length" : "stop";
  }

  static JsonObject usage(JsonObject reply) {
    return OpenAiReplies.usage(
        reply.getLong("prompt_eval_count", 0L), reply.getLong("eval_count", 0L), 0);
  }

  static JsonObject completion(JsonObject reply, String clientModel, String id, long created) {
    JsonObject message = reply.getJsonObject("message", new JsonObject());
    JsonArray calls = toolCalls(message, "call_" + id + "_", false);
    JsonObject choice =
        OpenAiReplies.choice(
            0, message.getString("content", ""), calls, finishReason(reply, !calls.isEmpty()));
    return OpenAiReplies.completion(
        "chatcmpl-" + id, clientModel, created, new JsonArray().add(choice), usage(reply));
  }

  static JsonObject embedRequest(JsonObject body, String model) {
    JsonObject out = new JsonObject().put("model", model).put("input", body.getValue("input"));
    if (body.getValue("dimensions") != null) {
      out.put("dimensions", body.getValue("dimensions"));
    }
    return out;
  }

  /** Ollama {@code /api/embed} reply → OpenAI embeddings list, float or base64 as requested. */
  static JsonObject embeddings(JsonObject reply, String clientModel, boolean base64) {
    JsonArray data = new JsonArray();
    JsonArray vectors = reply.getJsonArray("embeddings", new JsonArray());
    for (int i = 0; i < vectors.size(); i++) {
      JsonArray v = vectors.getJsonArray(i);
      data.add(
          new JsonObject()
              .put("object", "embedding")
              .put("index", i)
              .put("embedding", base64 ? toBase64(v) : v));
    }
    long tokens = reply.getLong("prompt_eval_count", 0L);
    return new JsonObject()
        .put("object", "list")
        .put("data", data)
        .put("model", clientModel)
        .put("usage", new JsonObject().put("prompt_tokens", tokens).put("total_tokens", tokens));
  }

  private static String toBase64(JsonArray vector) {
    ByteBuffer bytes =
        ByteBuffer.allocate(vector.size() * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    for (Object o : vector) {
      bytes.putFloat(((Number) o).floatValue());
    }
    return Base64.getEncoder().encodeToString(bytes.array());
  }
}
