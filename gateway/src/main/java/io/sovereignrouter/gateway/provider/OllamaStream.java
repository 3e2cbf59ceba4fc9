package io.sovereignrouter.gateway.provider;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Translates one Ollama NDJSON chat stream into OpenAI chunks. One instance per stream. */
final class OllamaStream {
  private final String providerId;
  private final String clientModel;
  private final String id;
  private final boolean includeUsage;
  private final ChunkSink sink;
  private final long created = System.currentTimeMillis() / 1000;
  private boolean started;
  private boolean sawToolCalls;

  OllamaStream(
      String providerId, String clientModel, String id, boolean includeUsage, ChunkSink sink) {
    this.providerId = providerId;
    this.clientModel = clientModel;
    this.id = id;
    this.includeUsage = includeUsage;
    this.sink = sink;
  }

  StreamStep onLine(JsonObject line) {
    if (line.getValue("error") != null) {
      return new StreamStep.Fail(ProviderFailure.status(providerId, 500, line.toBuffer()));
    }
    if (!started) {
      started = true;
      sink.send(chunk(new JsonObject().put("role", "assistant").put("content", ""), null).encode());
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
    if (!Boolean.TRUE.equals(line.getValue("done"))) {
      return delta.isEmpty()
          ? StreamStep.SKIP
          : new StreamStep.Continue(sink.send(chunk(delta, null).encode()));
    }
    if (!delta.isEmpty()) {
      sink.send(chunk(delta, null).encode());
    }
    sink.send(chunk(new JsonObject(), OllamaTranslation.finishReason(line, sawToolCalls)).encode());
    if (includeUsage) {
      sink.send(
          envelope()
              .put("choices", new JsonArray())
              .put("usage", OllamaTranslation.usage(line))
              .encode());
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
