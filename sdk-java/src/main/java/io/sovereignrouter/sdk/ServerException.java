package io.sovereignrouter.sdk;

/**
 * 5xx: the gateway failed, or every provider candidate failed (502/503/504). 503 answers carry
 * `Retry-After`.
 */
public final class ServerException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param status HTTP status
   * @param error the parsed error body
   * @param meta the answer's headers
   */
  public ServerException(int status, ApiError error, ResponseMeta meta) {
    super(status, error, meta);
  }
}
