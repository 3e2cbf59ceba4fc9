package io.sovereignrouter.gateway.spend;

/** A reservation would take the tenant over its spend cap. */
public final class QuotaExceededException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient QuotaStatus status;
  private final long requestedMicros;

  /**
   * @param status the cap as it stands, without the refused hold
   * @param requestedMicros the refused request's estimated maximum cost
   */
  public QuotaExceededException(QuotaStatus status, long requestedMicros) {
    super("spend cap reached", null, false, false);
    this.status = status;
    this.requestedMicros = requestedMicros;
  }

  /** The cap as it stands. */
  public QuotaStatus status() {
    return status;
  }

  /** The refused estimate. */
  public long requestedMicros() {
    return requestedMicros;
  }
}
