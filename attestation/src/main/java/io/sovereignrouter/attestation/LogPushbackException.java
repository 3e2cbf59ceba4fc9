package io.sovereignrouter.attestation;

/**
 * The log cannot accept more entries right now (its queue is full or it is closing). Callers map it
 * to 503 with {@code Retry-After}; nothing was appended.
 */
public final class LogPushbackException extends AttestationException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception; skips the stack trace since overload is an expected value.
   *
   * @param message why the append was refused
   */
  public LogPushbackException(String message) {
    super(message);
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
