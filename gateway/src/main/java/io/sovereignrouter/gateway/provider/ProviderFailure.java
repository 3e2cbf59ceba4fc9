package io.sovereignrouter.gateway.provider;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * An upstream call failed. The kind decides whether the fallback walk may try the next candidate.
 * Messages never contain credentials or prompt text.
 */
public final class ProviderFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Kind {
    /** Could not connect (refused, DNS, TLS). */
    CONNECT,
    /** No response (or no next event) within the deadline. */
    TIMEOUT,
    /** The provider answered with a non-2xx status. */
    STATUS,
    /** The provider answered with something that is not the protocol (bad JSON, broken stream). */
    PROTOCOL,
    /** The client went away; nobody is waiting for an answer. */
    CANCELLED
  }

  private final Kind kind;
  private final int status;
  private final transient Buffer upstreamBody;
  private final long retryAfterSeconds;

  private ProviderFailure(
      Kind kind, int status, Buffer upstreamBody, String message, Throwable cause) {
    this(kind, status, upstreamBody, message, cause, -1);
  }

  private ProviderFailure(
      Kind kind,
      int status,
      Buffer upstreamBody,
      String message,
      Throwable cause,
      long retryAfterSeconds) {
    super(message, cause, false, false);
    this.kind = kind;
    this.status = status;
    this.upstreamBody = upstreamBody;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Connection-level failure. */
  public static ProviderFailure connect(String providerId, Throwable cause) {
    return new ProviderFailure(
        Kind.CONNECT,
        0,
        null,
        "provider " + providerId + ": connection failed: " + cause.getClass().getSimpleName(),
        cause);
  }

  /** Deadline exceeded. */
  public static ProviderFailure timeout(String providerId, long afterMs) {
    return new ProviderFailure(
        Kind.TIMEOUT,
        0,
        null,
        "provider " + providerId + ": no response within " + afterMs + " ms",
        null);
  }

  /** Non-2xx answer; the body is kept for passing client errors through. */
  public static ProviderFailure status(String providerId, int status, Buffer body) {
    return status(providerId, status, body, null);
  }

  /**
   * Non-2xx answer with the upstream's {@code Retry-After} header (delta-seconds), if any.
   *
   * @param retryAfter the raw header value, or null
   */
  public static ProviderFailure status(
      String providerId, int status, Buffer body, String retryAfter) {
    long seconds = -1;
    if (retryAfter != null && retryAfter.trim().matches("\\d{1,9}")) {
      seconds = Long.parseLong(retryAfter.trim());
    }
    return new ProviderFailure(
        Kind.STATUS,
        status,
        body,
        "provider " + providerId + ": upstream status " + status,
        null,
        seconds);
  }

  /**
   * The request cannot be expressed in this provider's protocol: a 400 the walk does not retry,
   * with an OpenAI error body naming the field.
   */
  public static ProviderFailure unsupported(String providerId, String message, String param) {
    JsonObject error =
        new JsonObject()
            .put("message", message)
            .put("type", "invalid_request_error")
            .put("param", param)
            .put("code", "unsupported_by_provider");
    return status(providerId, 400, new JsonObject().put("error", error).toBuffer());
  }

  /** Malformed answer or broken stream. */
  public static ProviderFailure protocol(String providerId, String what) {
    return new ProviderFailure(
        Kind.PROTOCOL, 0, null, "provider " + providerId + ": " + what, null);
  }

  /** The client disconnected. */
  public static ProviderFailure cancelled(String providerId) {
    return new ProviderFailure(
        Kind.CANCELLED, 0, null, "provider " + providerId + ": client disconnected", null);
  }

  /** The failure kind. */
  public Kind kind() {
    return kind;
  }

  /** Upstream HTTP status for {@link Kind#STATUS}, else 0. */
  public int status() {
    return status;
  }

  /** The upstream's {@code Retry-After} in seconds, when it sent one. */
  public java.util.OptionalLong retryAfterSeconds() {
    return retryAfterSeconds < 0
        ? java.util.OptionalLong.empty()
        : java.util.OptionalLong.of(retryAfterSeconds);
  }

  /** The upstream error body for {@link Kind#STATUS}. */
  public Optional<Buffer> upstreamBody() {
    return Optional.ofNullable(upstreamBody);
  }

  /**
   * Whether another candidate may serve the request: connect errors, timeouts, malformed replies
   * and the statuses that mean "not now" (408, 429, 5xx). Other 4xx would fail everywhere (or mean
   * our configuration is wrong), so they are answered at once.
   */
  public boolean retryable() {
    return switch (kind) {
      case CONNECT, TIMEOUT, PROTOCOL -> true;
      case CANCELLED -> false;
      case STATUS -> status == 408 || status == 429 || status >= 500;
    };
  }

  /**
   * Whether this failure says something about the provider's health. A client's bad request or a
   * client that left does not; an upstream 401/403 (a broken credential) does.
   */
  public boolean countsAgainstProvider() {
    return switch (kind) {
      case CONNECT, TIMEOUT, PROTOCOL -> true;
      case CANCELLED -> false;
      case STATUS -> retryable() || status == 401 || status == 403;
    };
  }
}
