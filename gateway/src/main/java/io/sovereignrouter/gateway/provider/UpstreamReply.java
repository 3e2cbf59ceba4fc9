package io.sovereignrouter.gateway.provider;

import io.vertx.core.buffer.Buffer;
import java.util.Objects;

/**
 * A complete upstream answer in the OpenAI schema, kept as the exact bytes received so the gateway
 * can pass it through unchanged.
 *
 * @param body JSON bytes
 */
public record UpstreamReply(Buffer body) {
  /** Validates. */
  public UpstreamReply {
    Objects.requireNonNull(body, "body");
  }
}
