package io.sovereignrouter.gateway.provider;

import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;

/**
 * Translates one Anthropic Messages event stream ({@code message_start} … {@code message_stop})
 * into OpenAI {@code chat.completion.chunk}s. Stateful: one instance per stream.
 */
final class AnthropicStream {
  private final String providerId;
  private final String clientModel;
  private final boolean includeUsage;
  private final ChunkSink sink;

  /** Anthropic content-block index → OpenAI tool_calls index. */
  private final Map<Integer, Integer> toolIndex = new HashMap<>();

  private OpenAiChunks chunks;
  private JsonObject usage = new JsonObject();
  private String finishReason = "stop";

  AnthropicStream(String providerId, String clientModel, boolean includeUsage, ChunkSink sink) {
    this.providerId = providerId;
    this.clientModel = clientModel;
    this.includeUsage = includeUsage;
    this.sink = sink;
    this.chunks = new OpenAiChunks("chatcmpl-anthropic", clientModel, includeUsage, sink);
  }

  StreamStep onEvent(JsonObject event) {
    return switch (event.getString("type", "")) {
      case "message_start" -> {
        JsonObject message = event.getJsonObject("message", new JsonObject());
        chunks =
            new OpenAiChunks(
                "chatcmpl-" + message.getString("id", ""), clientModel, includeUsage, sink);
        usage = message.getJsonObject("usage", new JsonObject()).copy();
        yield chunks.role();
      }
      case "content_block_start" -> blockStart(event);
      case "content_block_delta" -> blockDelta(event);
      case "message_delta" -> {
        JsonObject delta = event.getJsonObject("delta", new JsonObject());
        finishReason = AnthropicReplies.finishReason(delta.getString("stop_reason"));
        event
            .getJsonObject("usage", new JsonObject())
            .forEach(e -> usage.put(e.getKey(), e.getValue()));
        yield StreamStep.SKIP;
      }
      case "message_stop" -> chunks.finish(finishReason, AnthropicReplies.usage(usage));
      case "error" -> {
        String type = event.getJsonObject("error", new JsonObject()).getString("type", "error");
        // overloaded_error is Anthropic's 529: a provider condition worth a fallback next time.
        int status = "overloaded_error".equals(type) ? 529 : 500;
        yield new StreamStep.Fail(ProviderFailure.status(providerId, status, event.toBuffer()));
      }
      default -> StreamStep.SKIP; // ping, content_block_stop, unknown future events
    };
  }

  private StreamStep blockStart(JsonObject event) {
    JsonObject block = event.getJsonObject("content_block", new JsonObject());
    if (!"tool_use".equals(block.getString("type"))) {
      return StreamStep.SKIP;
    }
    int index = toolIndex.size();
    toolIndex.put(event.getInteger("index", -1), index);
    return chunks.toolCall(index, block.getString("id"), block.getString("name"), "");
  }

  private StreamStep blockDelta(JsonObject event) {
    JsonObject delta = event.getJsonObject("delta", new JsonObject());
    return switch (delta.getString("type", "")) {
      case "text_delta" -> chunks.text(delta.getString("text", ""));
      case "input_json_delta" -> {
        Integer index = toolIndex.get(event.getInteger("index", -1));
        yield index == null
            ? new StreamStep.Fail(
                ProviderFailure.protocol(providerId, "input_json_delta for an unknown block"))
            : chunks.toolCall(index, null, null, delta.getString("partial_json", ""));
      }
      default -> StreamStep.SKIP; // thinking and signature deltas
    };
  }
}
