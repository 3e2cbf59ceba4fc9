package io.sovereignrouter.gateway.provider;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Translates one Ollama NDJSON chat stream into OpenAI chunks. One instance per stream. */
final class OllamaStream {
  private final String providerId;
  private final String id;
  private final OpenAiChunks chunks;
  private boolean started;
  private boolean sawToolCalls;

  OllamaStream(
      String providerId, String clientModel, String id, boolean includeUsage, ChunkSink sink) {
    this.providerId = providerId;
    this.id = id;
    this.chunks = new OpenAiChunks(id, clientModel, includeUsage, sink);
  }

  StreamStep onLine(JsonObject line) {
    if (line.getValue("error") != null) {
      return new StreamStep.Fail(ProviderFailure.status(providerId, 500, line.toBuffer()));
    }
    if (!started) {
      started = true;
      chunks.role();
    }
    JsonObject message = line.getJsonObject("message", new JsonObject());
    JsonObject delta = new JsonObject();
    String content = message.getString("content", "");
    if (!content.isEmpty()) {
      delta.put("content", content);
    }
    JsonArray calls = OllamaTranslation.toolCalls(message, id + "_call_", true);
    if (!calls.isEmpty()) {
      sawToolCalls = true;
      delta.put("tool_calls", calls);
    }
    StreamStep step = delta.isEmpty() ? StreamStep.SKIP : chunks.delta(delta);
    if (!Boolean.TRUE.equals(line.getValue("done"))) {
      return step;
    }
    return chunks.finish(
        OllamaTranslation.finishReason(line, sawToolCalls), OllamaTranslation.usage(line));
  }
}
