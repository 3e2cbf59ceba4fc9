package io.sovereignrouter.gateway.provider;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Translates a Gemini {@code streamGenerateContent?alt=sse} stream into OpenAI chunks. Gemini sends
 * no terminator: the chunk carrying {@code finishReason} ends it. One instance per stream.
 */
final class GeminiStream {
  private final String clientModel;
  private final String id;
  private final boolean includeUsage;
  private final ChunkSink sink;
  private final long created = System.currentTimeMillis() / 1000;
  private boolean started;
  private int toolCalls;

  GeminiStream(String clientModel, String id, boolean includeUsage, ChunkSink sink) {
    this.clientModel = clientModel;
    this.id = id;
    this.includeUsage = includeUsage;
    this.sink = sink;
  }

  StreamStep onChunk(JsonObject response) {
    if (!started) {
      started = true;
      sink.send(chunk(new JsonObject().put("role", "assistant").put("content", ""), null).encode());
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
        JsonObject call = (JsonObject) o;
        call.put("index", toolCalls).put("id", id + "_call_" + toolCalls);
        toolCalls++;
      }
      delta.put("tool_calls", content.toolCalls());
    }
    String reason = candidate.getString("finishReason");
    if (reason == null) {
      return delta.isEmpty()
          ? StreamStep.SKIP
          : new StreamStep.Continue(sink.send(chunk(delta, null).encode()));
    }
    if (!delta.isEmpty()) {
      sink.send(chunk(delta, null).encode());
    }
    sink.send(
        chunk(new JsonObject(), GeminiTranslation.finishReason(reason, toolCalls > 0)).encode());
    if (includeUsage) {
      JsonObject usage =
          GeminiTranslation.usage(response.getJsonObject("usageMetadata", new JsonObject()));
      sink.send(envelope().put("choices", new JsonArray()).put("usage", usage).encode());
    }
    return new StreamStep.Done();
  }

  private JsonObject chunk(JsonObject delta, String finish) {
    JsonObject choice = new JsonObject().put("index", 0).put("delta", delta).putNull("logprobs");
    choice.put("finish_reason", finish);
    JsonObject c = envelope().put("choices", new JsonArray().add(choice));
    if (includeUsage) {
      c.putNull("usage");
    }
    return c;
  }

  private JsonObject envelope() {
    return new JsonObject()
        .put("id", id)
        .put("object", "chat.completion.chunk")
        .put("created", created)
        .put("model", clientModel);
  }
}
