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
}
