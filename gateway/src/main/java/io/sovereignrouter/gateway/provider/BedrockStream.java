package io.sovereignrouter.gateway.provider;

import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;

/**
 * Translates one ConverseStream (AWS event-stream messages {@code messageStart} … {@code metadata})
 * into OpenAI chunks. Each event arrives as {@code {"event","messageType",
 * "exceptionType","payload"}} from the frame decoder. One instance per stream.
 */
final class BedrockStream {
  private final String providerId;
  private final OpenAiChunks chunks;
  private final Map<Integer, Integer> toolIndex = new HashMap<>();
  private String finishReason = "stop";

  BedrockStream(
      String providerId, String clientModel, String id, boolean includeUsage, ChunkSink sink) {
    this.providerId = providerId;
    this.chunks = new OpenAiChunks(id, clientModel, includeUsage, sink);
  }

  StreamStep onEvent(JsonObject event) {
    JsonObject payload = event.getJsonObject("payload", new JsonObject());
    if (!"event".equals(event.getString("messageType"))) {
      String type = event.getString("exceptionType", "exception");
      int status =
          type.startsWith("throttling") || type.startsWith("serviceUnavailable") ? 503 : 500;
      return new StreamStep.Fail(ProviderFailure.status(providerId, status, payload.toBuffer()));
    }
    return switch (event.getString("event", "")) {
      case "messageStart" -> chunks.role();
      case "contentBlockStart" -> {
        JsonObject use = payload.getJsonObject("start", new JsonObject()).getJsonObject("toolUse");
        if (use == null) {
          yield StreamStep.SKIP;
        }
        int index = toolIndex.size();
        toolIndex.put(payload.getInteger("contentBlockIndex", -1), index);
        yield chunks.toolCall(index, use.getString("toolUseId"), use.getString("name"), "");
      }
      case "contentBlockDelta" -> delta(payload);
      case "messageStop" -> {
        // The stop reason comes here; usage follows in the metadata event, which ends the stream.
        finishReason = BedrockConverse.finishReason(payload.getString("stopReason"));
        yield StreamStep.SKIP;
      }
      case "metadata" ->
          chunks.finish(
              finishReason,
              BedrockConverse.usage(payload.getJsonObject("usage", new JsonObject())));
      default -> StreamStep.SKIP; // contentBlockStop and future events
    };
  }

  private StreamStep delta(JsonObject payload) {
    JsonObject delta = payload.getJsonObject("delta", new JsonObject());
    if (delta.getString("text") != null) {
      return chunks.text(delta.getString("text"));
    }
    JsonObject use = delta.getJsonObject("toolUse");
    if (use == null) {
      return StreamStep.SKIP; // reasoning content
    }
    Integer index = toolIndex.get(payload.getInteger("contentBlockIndex", -1));
    return index == null
        ? new StreamStep.Fail(
            ProviderFailure.protocol(providerId, "toolUse delta for an unknown block"))
        : chunks.toolCall(index, null, null, use.getString("input", ""));
  }
}
