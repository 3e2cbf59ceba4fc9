package io.sovereignrouter.sdk;

/** 422: the request is well-formed but a value is out of range. */
public final class UnprocessableEntityException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param status HTTP status
   * @param error the parsed error body
   * @param meta the answer's headers
   */
  public UnprocessableEntityException(int status, ApiError error, ResponseMeta meta) {
    super(status, error, meta);
  }
}
