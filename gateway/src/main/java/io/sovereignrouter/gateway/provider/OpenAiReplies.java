package io.sovereignrouter.gateway.provider;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Builders of OpenAI reply objects shared by the translating adapters. */
final class OpenAiReplies {
  private OpenAiReplies() {}

  /** An OpenAI {@code usage} object; cached tokens are part of the prompt tokens. */
  static JsonObject usage(long promptTokens, long completionTokens, long cachedTokens) {
    return new JsonObject()
        .put("prompt_tokens", promptTokens)
        .put("completion_tokens", completionTokens)
        .put("total_tokens", promptTokens + completionTokens)
        .put("prompt_tokens_details", new JsonObject().put("cached_tokens", cachedTokens));
  }

  /** One {@code tool_calls} entry; {@code argumentsJson} is the arguments object's JSON text. */
  static JsonObject toolCall(String id, String name, String argumentsJson) {
    return new JsonObject()
        .put("id", id)
        .put("type", "function")
        .put("function", new JsonObject().put("name", name).put("arguments", argumentsJson));
  }

  /** One choice of a {@code chat.completion}: content is null when only tool calls were made. */
  static JsonObject choice(int index, String text, JsonArray toolCalls, String finishReason) {
    JsonObject message = new JsonObject().put("role", "assistant");
    if (text.isEmpty() && !toolCalls.isEmpty()) {
      message.putNull("content");
    } else {
      message.put("content", text);
    }
    message.putNull("refusal");
    if (!toolCalls.isEmpty()) {
      message.put("tool_calls", toolCalls);
    }
    message.put("annotations", new JsonArray());
    return new JsonObject()
        .put("index", index)
        .put("message", message)
        .putNull("logprobs")
        .put("finish_reason", finishReason);
  }

  /** A {@code chat.completion}. */
  static JsonObject completion(
      String id, String clientModel, long created, JsonArray choices, JsonObject usage) {
    return new JsonObject()
        .put("id", id)
        .put("object", "chat.completion")
        .put("created", created)
        .put("model", clientModel)
        .put("choices", choices)
        .put("usage", usage);
  }
}
