package io.sovereignrouter.sdk;

import java.util.Optional;

/**
 * 402: the tenant's spend cap is reached. Not retried: the quota comes back only when it resets
 * ({@link Quota#reset()}) or an operator raises it.
 */
public final class QuotaExceededException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param status HTTP status (402)
   * @param error the parsed error body
   * @param meta the answer's headers
   */
  public QuotaExceededException(int status, ApiError error, ResponseMeta meta) {
    super(status, error, meta);
  }

  /**
   * The {@code X-Quota-*} headers of the refusal.
   *
   * @return the quota, when the gateway sent one
   */
  public Optional<Quota> quota() {
    return meta().quota();
  }
}
