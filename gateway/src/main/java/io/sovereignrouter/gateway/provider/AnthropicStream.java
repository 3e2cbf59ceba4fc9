package io.sovereignrouter.gateway.provider;

import io.vertx.core.json.JsonArray;
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
  private final long created = System.currentTimeMillis() / 1000;

  /** Anthropic content-block index → OpenAI tool_calls index. */
  private final Map<Integer, Integer> toolIndex = new HashMap<>();

  private String id = "chatcmpl-anthropic";
  private JsonObject usage = new JsonObject();
  private String finishReason;

  AnthropicStream(String providerId, String clientModel, boolean includeUsage, ChunkSink sink) {
    this.providerId = providerId;
    this.clientModel = clientModel;
    this.includeUsage = includeUsage;
    this.sink = sink;
  }

  StreamStep onEvent(JsonObject event) {
    return switch (event.getString("type", "")) {
      case "message_start" -> {
        JsonObject message = event.getJsonObject("message", new JsonObject());
        id = "chatcmpl-" + message.getString("id", "");
        usage = message.getJsonObject("usage", new JsonObject()).copy();
        yield send(new JsonObject().put("role", "assistant").put("content", ""), null);
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
      case "message_stop" -> finish();
      case "error" -> {
        JsonObject error = event.getJsonObject("error", new JsonObject());
        String type = error.getString("type", "error");
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
    JsonObject call =
        new JsonObject()
            .put("index", index)
            .put("id", block.getString("id"))
            .put("type", "function")
            .put(
                "function",
                new JsonObject().put("name", block.getString("name")).put("arguments", ""));
    return send(new JsonObject().put("tool_calls", new JsonArray().add(call)), null);
  }

  private StreamStep blockDelta(JsonObject event) {
    JsonObject delta = event.getJsonObject("delta", new JsonObject());
    return switch (delta.getString("type", "")) {
      case "text_delta" -> send(new JsonObject().put("content", delta.getString("text", "")), null);
      case "input_json_delta" -> {
        Integer index = toolIndex.get(event.getInteger("index", -1));
        if (index == null) {
          yield new StreamStep.Fail(
              ProviderFailure.protocol(providerId, "input_json_delta for an unknown block"));
        }
        JsonObject call =
            new JsonObject()
                .put("index", index)
                .put(
                    "function",
                    new JsonObject().put("arguments", delta.getString("partial_json", "")));
        yield send(new JsonObject().put("tool_calls", new JsonArray().add(call)), null);
      }
      default -> StreamStep.SKIP; // thinking and signature deltas
    };
  }

  /** The finish chunk and, when asked for, the usage chunk; writes keep their order on the wire. */
  private StreamStep finish() {
    sink.send(chunk(new JsonObject(), finishReason == null ? "stop" : finishReason).encode());
    if (includeUsage) {
      sink.send(
          envelope()
              .put("choices", new JsonArray())
              .put("usage", AnthropicReplies.usage(usage))
              .encode());
    }
    return new StreamStep.Done();
  }

  private StreamStep send(JsonObject delta, String finish) {
    return new StreamStep.Continue(sink.send(chunk(delta, finish).encode()));
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
