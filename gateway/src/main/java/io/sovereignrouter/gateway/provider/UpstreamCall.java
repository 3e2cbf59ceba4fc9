package io.sovereignrouter.gateway.provider;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * One request for one provider.
 *
 * @param body the client's JSON body with {@code model} already rewritten to the upstream name;
 *     unknown fields are kept so they pass through to OpenAI-compatible providers
 * @param clientModel the model name the client asked for
 * @param requestId correlation id, sent upstream as {@code X-Request-Id}
 * @param clientGone completes when the client disconnects; adapters then abandon the call
 */
public record UpstreamCall(
    JsonObject body, String clientModel, String requestId, Future<Void> clientGone) {
  /** Validates. */
  public UpstreamCall {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(clientModel, "clientModel");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(clientGone, "clientGone");
  }
}
