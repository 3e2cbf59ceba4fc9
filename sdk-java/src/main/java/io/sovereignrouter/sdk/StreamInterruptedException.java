package io.sovereignrouter.sdk;

import java.util.Objects;

/**
 * A stream broke after it started: the gateway sent an OpenAI {@code error} event instead of {@code
 * [DONE]} (the provider failed mid-stream, when no switch to another provider is possible). The
 * chunks received before it are not a complete answer.
 */
public final class StreamInterruptedException extends SovereignException {
  private static final long serialVersionUID = 1L;

  /** The error event's body. */
  private final ApiError error;

  /** The stream's headers (not serialized). */
  private final transient ResponseMeta meta;

  /**
   * Creates the exception.
   *
   * @param error the error event's body
   * @param meta the stream's headers
   */
  public StreamInterruptedException(ApiError error, ResponseMeta meta) {
    super("stream interrupted: " + error.type() + ": " + error.message(), null);
    this.error = Objects.requireNonNull(error, "error");
    this.meta = Objects.requireNonNull(meta, "meta");
  }

  /**
   * The error event's body.
   *
   * @return the error
   */
  public ApiError error() {
    return error;
  }

  /**
   * The stream's headers: the request id and route decision to quote when reporting it.
   *
   * @return the response metadata
   */
  public ResponseMeta meta() {
    return meta;
  }
}
