package io.sovereignrouter.gateway.openai;

import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * A validated embeddings request.
 *
 * @param model requested model id
 * @param body the full body, unknown fields included
 */
public record EmbeddingsRequest(String model, JsonObject body) {
  /** Validates. */
  public EmbeddingsRequest {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(body, "body");
  }
}
