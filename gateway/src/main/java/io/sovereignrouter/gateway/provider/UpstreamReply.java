package io.sovereignrouter.gateway.provider;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * A complete upstream answer in the OpenAI schema: the exact bytes the client receives (so a
 * relayed provider answer passes through unchanged) and the same answer parsed, so later stages
 * read fields such as {@code usage} without parsing it again.
 *
 * @param body JSON bytes
 * @param json the parsed body
 */
public record UpstreamReply(Buffer body, JsonObject json) {
  /** Validates. */
  public UpstreamReply {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(json, "json");
  }

  /** A reply the gateway built (translated or mock): encoded once. */
  public static UpstreamReply of(JsonObject json) {
    return new UpstreamReply(json.toBuffer(), json);
  }
}
