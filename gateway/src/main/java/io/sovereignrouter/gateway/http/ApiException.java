package io.sovereignrouter.gateway.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP-facing error in the OpenAI shape {@code {"error":{"message","type","param","code"}}}.
 * Carries no stack trace: it is an answer, not a bug. Messages never contain secrets or prompts.
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String type;
  private final String param;
  private final String code;
  private final transient Buffer rawBody;
  private final Map<String, String> headers;
  private final transient JsonObject details;

  private ApiException(
      int status,
      String type,
      String message,
      String param,
      String code,
      Buffer rawBody,
      Map<String, String> headers,
      JsonObject details) {
    super(message, null, false, false);
    this.status = status;
    this.type = type;
    this.param = param;
    this.code = code;
    this.rawBody = rawBody;
    this.headers = Map.copyOf(headers);
    this.details = details;
  }

  /**
   * A general error.
   *
   * @param status HTTP status
   * @param type OpenAI error type, e.g. {@code invalid_request_error}
   * @param message human-readable, safe to show
   * @param param the offending request field, or null
   * @param code machine-readable code, or null
   */
  public static ApiException of(
      int status, String type, String message, String param, String code) {
    return new ApiException(status, type, message, param, code, null, Map.of(), new JsonObject());
  }

  /** 400 for a malformed or invalid request field. */
  public static ApiException invalid(String message, String param, String code) {
    return of(400, "invalid_request_error", message, param, code);
  }

  /** An upstream provider's own error body, relayed with its status. */
  public static ApiException relay(int status, Buffer upstreamBody) {
    return new ApiException(
        status,
        "invalid_request_error",
        "upstream rejected the request",
        null,
        null,
        upstreamBody,
        Map.of(),
        new JsonObject());
  }

  /** Returns a copy that also sets {@code header} on the response. */
  public ApiException withHeader(String name, String value) {
    Map<String, String> more = new java.util.HashMap<>(headers);
    more.put(name, value);
    return new ApiException(status, type, getMessage(), param, code, rawBody, more, details);
  }

  /**
   * Returns a copy whose error object also carries {@code name} (machine-readable details, e.g. a
   * policy's deny reasons).
   */
  public ApiException withDetail(String name, Object value) {
    JsonObject more = details.copy().put(name, value);
    return new ApiException(status, type, getMessage(), param, code, rawBody, headers, more);
  }

  /** HTTP status. */
  public int status() {
    return status;
  }

  /** OpenAI error type. */
  public String type() {
    return type;
  }

  /** Machine-readable code, when there is one. */
  public Optional<String> code() {
    return Optional.ofNullable(code);
  }

  /** Extra response headers (e.g. {@code Retry-After}). */
  public Map<String, String> headers() {
    return headers;
  }

  /** The response body. */
  public Buffer body() {
    if (rawBody != null) {
      return rawBody;
    }
    JsonObject error = new JsonObject().put("message", getMessage()).put("type", type);
    error.put("param", param);
    error.put("code", code);
    details.forEach(e -> error.put(e.getKey(), e.getValue()));
    return new JsonObject().put("error", error).toBuffer();
  }
}
