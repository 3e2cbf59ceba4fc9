package io.sovereignrouter.gateway.provider;

import io.vertx.core.json.JsonArray;
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
  private final String clientModel;
  private final String id;
  private final boolean includeUsage;
  private final ChunkSink sink;
  private final long created = System.currentTimeMillis() / 1000;
  private final Map<Integer, Integer> toolIndex = new HashMap<>();

  BedrockStream(
      String providerId, String clientModel, String id, boolean includeUsage, ChunkSink sink) {
    this.providerId = providerId;
    this.clientModel = clientModel;
    this.id = id;
    this.includeUsage = includeUsage;
    this.sink = sink;
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
      case "messageStart" ->
          send(new JsonObject().put("role", "assistant").put("content", ""), null);
      case "contentBlockStart" -> {
        JsonObject use = payload.getJsonObject("start", new JsonObject()).getJsonObject("toolUse");
        if (use == null) {
          yield StreamStep.SKIP;
        }
        int index = toolIndex.size();
        toolIndex.put(payload.getInteger("contentBlockIndex", -1), index);
        yield send(
            new JsonObject()
                .put(
                    "tool_calls",
                    new JsonArray()
                        .add(
                            new JsonObject()
                                .put("index", index)
                                .put("id", use.getString("toolUseId"))
                                .put("type", "function")
                                .put(
                                    "function",
                                    new JsonObject()
                                        .put("name", use.getString("name"))
                                        .put("arguments", "")))),
            null);
      }
      case "contentBlockDelta" -> delta(payload);
      case "messageStop" ->
          send(new JsonObject(), BedrockConverse.finishReason(payload.getString("stopReason")));
      case "metadata" -> {
        if (includeUsage) {
          sink.send(
              envelope()
                  .put("choices", new JsonArray())
                  .put(
                      "usage",
                      BedrockConverse.usage(payload.getJsonObject("usage", new JsonObject())))
                  .encode());
        }
        yield new StreamStep.Done();
      }
      default -> StreamStep.SKIP; // contentBlockStop and future events
    };
  }

  private StreamStep delta(JsonObject payload) {
    JsonObject delta = payload.getJsonObject("delta", new JsonObject());
    if (delta.getString("text") != null) {
      return send(new JsonObject().put("content", delta.getString("text")), null);
    }
    JsonObject use = delta.getJsonObject("toolUse");
    if (use != null) {
      Integer index = toolIndex.get(payload.getInteger("contentBlockIndex", -1));
      if (index == null) {
        return new StreamStep.Fail(
            ProviderFailure.protocol(providerId, "toolUse delta for an unknown block"));
      }
      return send(
          new JsonObject()
              .put(
                  "tool_calls",
                  new JsonArray()
                      .add(
                          new JsonObject()
                              .put("index", index)
                              .put(
                                  "function",
                                  new JsonObject().put("arguments", use.getString("input", ""))))),
          null);
    }
    return StreamStep.SKIP; // reasoning content
  }

  private StreamStep send(JsonObject delta, String finish) {
    JsonObject choice = new JsonObject().put("index", 0).put("delta", delta).putNull("logprobs");
    choice.put("finish_reason", finish);
    JsonObject c = envelope().put("choices", new JsonArray().add(choice));
    if (includeUsage) {
      c.putNull("usage");
    }
    return new StreamStep.Continue(sink.send(c.encode()));
  }

  private JsonObject envelope() {
    return new JsonObject()
        .put("id", id)
        .put("object", "chat.completion.chunk")
        .put("created", created)
        .put("model", clientModel);
  }
}
