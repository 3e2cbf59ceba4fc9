package io.sovereignrouter.sdk;

/** 401: the API key (or admin token) is missing, unknown, revoked or expired. */
public final class AuthenticationException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param status HTTP status
   * @param error the parsed error body
   * @param meta the answer's headers
   */
  public AuthenticationException(int status, ApiError error, ResponseMeta meta) {
    super(status, error, meta);
  }
}
