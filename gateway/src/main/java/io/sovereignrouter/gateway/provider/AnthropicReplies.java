package io.sovereignrouter.gateway.provider;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Anthropic Messages replies → OpenAI {@code chat.completion} bodies. */
final class AnthropicReplies {
  private AnthropicReplies() {}

  /** Anthropic {@code stop_reason} → OpenAI {@code finish_reason}. */
  static String finishReason(String stopReason) {
    if (stopReason == null) {
      return "stop";
    }
    return switch (stopReason) {
      case "max_tokens", "model_context_window_exceeded" -> "length";
      case "tool_use" -> "tool_calls";
      case "refusal" -> "content_filter";
      default -> "stop"; // end_turn, stop_sequence, pause_turn
    };
  }

  /**
   * Anthropic {@code usage} → OpenAI {@code usage}; cache reads and writes count as prompt tokens.
   */
  static JsonObject usage(JsonObject usage) {
    long cacheRead = usage.getLong("cache_read_input_tokens", 0L);
    long prompt =
        usage.getLong("input_tokens", 0L)
            + usage.getLong("cache_creation_input_tokens", 0L)
            + cacheRead;
    return OpenAiReplies.usage(prompt, usage.getLong("output_tokens", 0L), cacheRead);
  }

  /** A whole Messages reply as a {@code chat.completion}. */
  static JsonObject completion(JsonObject message, String clientModel, long created) {
    StringBuilder text = new StringBuilder();
    JsonArray toolCalls = new JsonArray();
    for (Object o : message.getJsonArray("content", new JsonArray())) {
      JsonObject block = (JsonObject) o;
      switch (block.getString("type", "")) {
        case "text" -> text.append(block.getString("text", ""));
        case "tool_use" ->
            toolCalls.add(
                OpenAiReplies.toolCall(
                    block.getString("id"),
                    block.getString("name"),
                    block.getJsonObject("input", new JsonObject()).encode()));
        default -> {} // thinking and server-tool blocks are not part of the OpenAI message
      }
    }
    JsonObject choice =
        OpenAiReplies.choice(
            0, text.toString(), toolCalls, finishReason(message.getString("stop_reason")));
    return OpenAiReplies.completion(
        "chatcmpl-" + message.getString("id", ""),
        clientModel,
        created,
        new JsonArray().add(choice),
        usage(message.getJsonObject("usage", new JsonObject())));
  }
}
