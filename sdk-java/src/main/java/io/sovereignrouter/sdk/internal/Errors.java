package io.sovereignrouter.sdk.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.sovereignrouter.sdk.ApiError;
import io.sovereignrouter.sdk.ApiException;
import io.sovereignrouter.sdk.AuthenticationException;
import io.sovereignrouter.sdk.BadRequestException;
import io.sovereignrouter.sdk.ConflictException;
import io.sovereignrouter.sdk.NotFoundException;
import io.sovereignrouter.sdk.PermissionDeniedException;
import io.sovereignrouter.sdk.QuotaExceededException;
import io.sovereignrouter.sdk.RateLimitException;
import io.sovereignrouter.sdk.ResponseMeta;
import io.sovereignrouter.sdk.ServerException;
import io.sovereignrouter.sdk.SovereignProtocolException;
import io.sovereignrouter.sdk.UnprocessableEntityException;
import java.util.Optional;

/** Maps error answers to typed exceptions. */
public final class Errors {
  private Errors() {}

  /** The exception for an error status and its body. */
  public static ApiException of(ResponseMeta meta, String body) {
    ApiError error = parse(body).orElseGet(() -> fallback(meta.status()));
    int s = meta.status();
    return switch (s) {
      case 400, 413, 415 -> new BadRequestException(s, error, meta);
      case 401 -> new AuthenticationException(s, error, meta);
      case 402 -> new QuotaExceededException(s, error, meta);
      case 403 -> new PermissionDeniedException(s, error, meta);
      case 404 -> new NotFoundException(s, error, meta);
      case 409 -> new ConflictException(s, error, meta);
      case 422 -> new UnprocessableEntityException(s, error, meta);
      case 429 -> new RateLimitException(s, error, meta);
      default -> s >= 500 ? new ServerException(s, error, meta) : new ApiException(s, error, meta);
    };
  }

  /**
   * Reads OpenAI's {@code {"error":{…}}} or RFC 9457 problem details; empty when the body is
   * neither (a proxy's HTML page, say).
   */
  public static Optional<ApiError> parse(String body) {
    JsonNode node;
    try {
      node = Json.read(body, "error body");
    } catch (SovereignProtocolException e) {
      return Optional.empty();
    }
    return parse(node);
  }

  /** As {@link #parse(String)}, from a tree. */
  public static Optional<ApiError> parse(JsonNode node) {
    try {
      JsonNode e = node.get("error");
      if (e != null && e.isObject()) {
        return Optional.of(
            new ApiError(
                Json.optText(e, "message").orElse(""),
                Json.optText(e, "type").orElse(""),
                Json.optText(e, "param"),
                Json.optText(e, "code")));
      }
      if (node.has("title") || node.has("detail")) {
        return Optional.of(
            new ApiError(
                Json.optText(node, "detail").orElse(""),
                Json.optText(node, "title").orElse(""),
                // RFC 9457 extension member of the admin API: the request field at fault.
                Json.optText(node, "field"),
                Optional.empty()));
      }
    } catch (SovereignProtocolException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static ApiError fallback(int status) {
    return new ApiError("HTTP " + status, "", Optional.empty(), Optional.empty());
  }
}
