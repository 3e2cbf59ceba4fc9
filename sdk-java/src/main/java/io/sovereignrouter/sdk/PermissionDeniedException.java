package io.sovereignrouter.sdk;

/** 403: the tenant is suspended, or the policy forbids the request (`policy_violation`). */
public final class PermissionDeniedException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param status HTTP status
   * @param error the parsed error body
   * @param meta the answer's headers
   */
  public PermissionDeniedException(int status, ApiError error, ResponseMeta meta) {
    super(status, error, meta);
  }
}
