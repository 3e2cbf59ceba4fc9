package io.sovereignrouter.policy;

import java.util.Objects;

/**
 * The request as the policy sees it: never its content, only its shape and size.
 *
 * @param model the model the client asked for
 * @param stream whether the client asked for a stream
 * @param needs capabilities the request needs (hard filters)
 * @param inputTokens estimated prompt tokens
 * @param maxOutputTokens {@code max_tokens} of the request (or the gateway default); with {@code
 *     inputTokens} it bounds the worst-case cost checked against the cost cap
 */
public record RouteRequest(
    String model, boolean stream, Needs needs, long inputTokens, long maxOutputTokens) {

  /** Validates. */
  public RouteRequest {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(needs, "needs");
    if (inputTokens < 0 || maxOutputTokens < 0) {
      throw new IllegalArgumentException(
          "token counts: expected >= 0, got input " + inputTokens + ", output " + maxOutputTokens);
    }
  }
}
