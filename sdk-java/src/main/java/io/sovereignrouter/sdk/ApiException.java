package io.sovereignrouter.sdk;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The gateway answered with an error status. Subclasses name the statuses a caller handles
 * differently; other statuses arrive as this class.
 */
public class ApiException extends SovereignException {
  private static final long serialVersionUID = 1L;

  /** HTTP status. */
  private final int status;

  /** The parsed error body. */
  private final ApiError error;

  /** The answer's headers (not serialized). */
  private final transient ResponseMeta meta;

  /**
   * Creates the exception.
   *
   * @param status HTTP status
   * @param error the parsed error body
   * @param meta the answer's headers
   */
  public ApiException(int status, ApiError error, ResponseMeta meta) {
    super(status + " " + error.type() + ": " + error.message(), null);
    this.status = status;
    this.error = Objects.requireNonNull(error, "error");
    this.meta = Objects.requireNonNull(meta, "meta");
  }

  /**
   * The HTTP status.
   *
   * @return the status code
   */
  public int status() {
    return status;
  }

  /**
   * The parsed error body.
   *
   * @return the error
   */
  public ApiError error() {
    return error;
  }

  /**
   * The answer's headers (request id, quota and rate-limit headers, routing headers when set).
   *
   * @return the response metadata
   */
  public ResponseMeta meta() {
    return meta;
  }

  /**
   * How long the gateway asked the client to wait ({@code Retry-After}).
   *
   * @return the delay, when the answer carried one
   */
  public Optional<Duration> retryAfter() {
    return meta.retryAfter();
  }
}
