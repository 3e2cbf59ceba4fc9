package io.sovereignrouter.sdk;

/** 400, 413 or 415: the request is malformed, too large or not JSON. */
public final class BadRequestException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param status HTTP status
   * @param error the parsed error body
   * @param meta the answer's headers
   */
  public BadRequestException(int status, ApiError error, ResponseMeta meta) {
    super(status, error, meta);
  }
}
