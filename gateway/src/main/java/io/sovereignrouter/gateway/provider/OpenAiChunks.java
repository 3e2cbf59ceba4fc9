package io.sovereignrouter.gateway.provider;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Writes OpenAI {@code chat.completion.chunk}s for a translated stream: one envelope (id, model,
 * created), single-choice deltas, the finish chunk and, when the client asked for it, the final
 * usage chunk. Each stream translator owns one.
 */
final class OpenAiChunks {
  private final String id;
  private final String clientModel;
  private final boolean includeUsage;
  private final ChunkSink sink;
  private final long created = System.currentTimeMillis() / 1000;

  OpenAiChunks(String id, String clientModel, boolean includeUsage, ChunkSink sink) {
    this.id = id;
    this.clientModel = clientModel;
    this.includeUsage = includeUsage;
    this.sink = sink;
  }

  /** Whether {@code stream_options.include_usage} is set on an OpenAI request body. */
  static boolean includeUsage(JsonObject body) {
    JsonObject options = body.getJsonObject("stream_options");
    return options != null && Boolean.TRUE.equals(options.getValue("include_usage"));
  }

  /** The opening chunk: {@code role: assistant}, empty content. */
  StreamStep role() {
    return delta(new JsonObject().put("role", "assistant").put("content", ""));
  }

  /** A delta chunk (content and/or tool calls). */
  StreamStep delta(JsonObject delta) {
    return new StreamStep.Continue(sink.send(chunk(delta, null).encode()));
  }

  /** A text delta. */
  StreamStep text(String text) {
    return delta(new JsonObject().put("content", text));
  }

  /** A tool-call delta for tool call {@code index}: the opening one carries id and name. */
  StreamStep toolCall(int index, String callId, String name, String arguments) {
    JsonObject call = new JsonObject().put("index", index);
    JsonObject function = new JsonObject();
    if (callId != null) {
      call.put("id", callId).put("type", "function");
      function.put("name", name);
    }
    call.put("function", function.put("arguments", arguments));
    return delta(new JsonObject().put("tool_calls", new JsonArray().add(call)));
  }

  /** The finish chunk, then the usage chunk when asked for; the stream is done. */
  StreamStep finish(String finishReason, JsonObject usage) {
    sink.send(chunk(new JsonObject(), finishReason).encode());
    if (includeUsage) {
      sink.send(envelope().put("choices", new JsonArray()).put("usage", usage).encode());
    }
    return new StreamStep.Done();
  }

  private JsonObject chunk(JsonObject delta, String finishReason) {
    JsonObject choice = new JsonObject().put("index", 0).put("delta", delta).putNull("logprobs");
    choice.put("finish_reason", finishReason);
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
