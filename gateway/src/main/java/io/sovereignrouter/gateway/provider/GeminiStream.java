package io.sovereignrouter.gateway.provider;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Translates a Gemini {@code streamGenerateContent?alt=sse} stream into OpenAI chunks. Gemini sends
 * no terminator: the chunk carrying {@code finishReason} ends it. One instance per stream.
 */
final class GeminiStream {
  private final String id;
  private final OpenAiChunks chunks;
  private boolean started;
  private int toolCalls;

  GeminiStream(String clientModel, String id, boolean includeUsage, ChunkSink sink) {
    this.id = id;
    this.chunks = new OpenAiChunks(id, clientModel, includeUsage, sink);
  }

  StreamStep onChunk(JsonObject response) {
    if (!started) {
      started = true;
      chunks.role();
    }
    JsonArray candidates = response.getJsonArray("candidates", new JsonArray());
    JsonObject candidate = candidates.isEmpty() ? new JsonObject() : candidates.getJsonObject(0);
    GeminiTranslation.CandidateContent content =
        GeminiTranslation.content(candidate, id + "_call_", true);
    JsonObject delta = new JsonObject();
    if (!content.text().isEmpty()) {
      delta.put("content", content.text());
    }
    if (!content.toolCalls().isEmpty()) {
      for (Object o : content.toolCalls()) {
        ((JsonObject) o).put("index", toolCalls).put("id", id + "_call_" + toolCalls);
        toolCalls++;
      }
      delta.put("tool_calls", content.toolCalls());
    }
    StreamStep step = delta.isEmpty() ? StreamStep.SKIP : chunks.delta(delta);
    String reason = candidate.getString("finishReason");
    if (reason == null) {
      return step;
    }
    return chunks.finish(
        GeminiTranslation.finishReason(reason, toolCalls > 0),
        GeminiTranslation.usage(response.getJsonObject("usageMetadata", new JsonObject())));
  }
}
