package io.sovereignrouter.sdk;

/** 409: the resource already exists. */
public final class ConflictException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param status HTTP status
   * @param error the parsed error body
   * @param meta the answer's headers
   */
  public ConflictException(int status, ApiError error, ResponseMeta meta) {
    super(status, error, meta);
  }
}
