package io.sovereignrouter.sdk;

/**
 * Base of every exception the SDK throws. Unchecked, because asynchronous calls carry failures in
 * {@link java.util.concurrent.CompletableFuture}s anyway. Messages never contain keys, tokens or
 * prompts.
 */
public class SovereignException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong (no secrets)
   * @param cause the underlying failure, or null
   */
  protected SovereignException(String message, Throwable cause) {
    super(message, cause);
  }
}
