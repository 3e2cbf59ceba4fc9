package io.sovereignrouter.gateway.http;

import io.sovereignrouter.gateway.provider.ProviderFailure;
import io.sovereignrouter.gateway.routing.Attempt;
import io.sovereignrouter.gateway.routing.CircuitOpenException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Maps the end of a failed fallback walk to the client's answer. */
final class ProviderErrors {
  private ProviderErrors() {}

  /** Client mistakes an upstream reports; relayed as it said them. */
  private static final java.util.Set<Integer> CLIENT_MISTAKES =
      java.util.Set.of(400, 413, 415, 422);

  /**
   * A client mistake the provider caught is relayed as the provider said it; with every breaker
   * open, 503 and {@code Retry-After}; otherwise every candidate failed: 504 when the last one
   * timed out, 502 for anything else (including an upstream refusing our credentials).
   */
  static ApiException toApiException(Throwable cause, String model, List<Attempt> attempts) {
    if (cause instanceof CircuitOpenException open) {
      long seconds = Math.max(1, (open.retryAfterMs() + 999) / 1000);
      return ApiException.of(
              503,
              "server_error",
              "Every provider serving '" + model + "' is failing and paused; retry later.",
              null,
              "circuit_open")
          .withHeader("Retry-After", Long.toString(seconds));
    }
    if (!(cause instanceof ProviderFailure failure)) {
      return cause instanceof ApiException api
          ? api
          : ApiException.of(
              500,
              "server_error",
              "The server had an error while routing your request.",
              null,
              "internal_error");
    }
    if (failure.kind() == ProviderFailure.Kind.STATUS
        && CLIENT_MISTAKES.contains(failure.status())) {
      return failure
          .upstreamBody()
          .filter(ProviderErrors::isOpenAiError)
          .map(body -> ApiException.relay(failure.status(), body))
          .orElseGet(
              () ->
                  ApiException.invalid(
                      "The provider rejected the request (status " + failure.status() + ").",
                      null,
                      "upstream_rejected"));
    }
    if (failure.kind() == ProviderFailure.Kind.STATUS && failure.status() == 429) {
      return ApiException.of(
              503,
              "server_error",
              "The provider serving '" + model + "' is rate limiting this gateway; retry later.",
              null,
              "upstream_rate_limited")
          .withHeader("Retry-After", Long.toString(failure.retryAfterSeconds().orElse(1)));
    }
    String tried = attempts.size() == 1 ? "The provider" : "All " + attempts.size() + " providers";
    if (failure.kind() == ProviderFailure.Kind.TIMEOUT) {
      return ApiException.of(
          504,
          "server_error",
          tried + " serving '" + model + "' timed out.",
          null,
          "upstream_timeout");
    }
    return ApiException.of(
        502,
        "server_error",
        tried + " serving '" + model + "' failed (" + describe(failure) + ").",
        null,
        "upstream_error");
  }

  private static String describe(ProviderFailure failure) {
    return switch (failure.kind()) {
      case STATUS -> "last status " + failure.status();
      case CONNECT -> "connection failed";
      case TIMEOUT -> "timeout";
      case PROTOCOL -> "malformed upstream response";
      case CANCELLED -> "cancelled";
    };
  }

  private static boolean isOpenAiError(Buffer body) {
    try {
      return new JsonObject(body).getValue("error") instanceof JsonObject;
    } catch (DecodeException | ClassCastException e) {
      return false;
    }
  }
}
