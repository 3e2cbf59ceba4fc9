package io.sovereignrouter.gateway.openai;

import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * A validated chat completion request.
 *
 * @param model requested model id
 * @param stream whether the client wants SSE
 * @param includeUsage {@code stream_options.include_usage}
 * @param body the full body, unknown fields included
 */
public record ChatRequest(String model, boolean stream, boolean includeUsage, JsonObject body) {
  /** Validates. */
  public ChatRequest {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(body, "body");
  }

  /**
   * The request as sent upstream when the gateway meters a stream: {@code
   * stream_options.include_usage} set, so the provider reports real usage even when the client did
   * not ask (the gateway then keeps the usage chunk to itself).
   */
  public ChatRequest metered() {
    if (!stream || includeUsage) {
      return this;
    }
    JsonObject copy = body.copy();
    Object options = copy.getValue("stream_options");
    JsonObject streamOptions = options instanceof JsonObject o ? o.copy() : new JsonObject();
    copy.put("stream_options", streamOptions.put("include_usage", true));
    return new ChatRequest(model, true, true, copy);
  }
}
