package io.sovereignrouter.gateway.provider;

import io.vertx.core.json.JsonObject;
import java.util.List;

/** The OpenAI chunks of an SSE body, and what a client would assemble from them. */
record StreamedChunks(List<JsonObject> chunks) {

  static StreamedChunks of(String sseBody) {
    return new StreamedChunks(
        sseBody
            .lines()
            .filter(l -> l.startsWith("data: {"))
            .map(l -> new JsonObject(l.substring(6)))
            .toList());
  }

  /** All {@code delta.content} concatenated. */
  String text() {
    return chunks.stream()
        .flatMap(c -> c.getJsonArray("choices").stream())
        .map(o -> ((JsonObject) o).getJsonObject("delta").getString("content", ""))
        .reduce("", String::concat);
  }

  /** The finish reason of the chunk before the last (the last carries usage). */
  String finishBeforeUsage() {
    return chunks
        .get(chunks.size() - 2)
        .getJsonArray("choices")
        .getJsonObject(0)
        .getString("finish_reason");
  }

  /** The usage object of the last chunk. */
  JsonObject usage() {
    return chunks.getLast().getJsonObject("usage");
  }
}
