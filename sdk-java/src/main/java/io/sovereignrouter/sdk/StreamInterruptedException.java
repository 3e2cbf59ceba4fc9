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

  /**
   * Creates the exception.
   *
   * @param error the error event's body
   */
  public StreamInterruptedException(ApiError error) {
    super("stream interrupted: " + error.type() + ": " + error.message(), null);
    this.error = Objects.requireNonNull(error, "error");
  }

  /**
   * The error event's body.
   *
   * @return the error
   */
  public ApiError error() {
    return error;
  }
}
