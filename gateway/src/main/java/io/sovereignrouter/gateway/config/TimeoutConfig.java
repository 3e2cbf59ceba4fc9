package io.sovereignrouter.gateway.config;

/**
 * Upstream deadlines in milliseconds.
 *
 * @param connectMs TCP/TLS connect
 * @param firstByteMs from sending the request to the response headers (and, when streaming, between events)
 * @param totalMs whole call for non-streaming requests
 */
public record TimeoutConfig(long connectMs, long firstByteMs, long totalMs) {
  /** Defaults suited to hosted LLM APIs. */
  public static final TimeoutConfig DEFAULT = new TimeoutConfig(5_000, 60_000, 300_000);

  /** All deadlines must be positive. */
  public TimeoutConfig {
    if (connectMs <= 0 || firstByteMs <= 0 || totalMs <= 0) {
      throw new ConfigException("timeouts must be positive, were connect-ms=" + connectMs
          + " first-byte-ms=" + firstByteMs + " total-ms=" + totalMs);
    }
  }
}
