package io.sovereignrouter.sdk;

/** 404: unknown model, URL, tenant, key or attestation. */
public final class NotFoundException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param status HTTP status
   * @param error the parsed error body
   * @param meta the answer's headers
   */
  public NotFoundException(int status, ApiError error, ResponseMeta meta) {
    super(status, error, meta);
  }
}
