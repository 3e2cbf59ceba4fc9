package io.sovereignrouter.gateway.config;

/**
 * Upstream deadlines in milliseconds.
 *
 * @param connectMs TCP/TLS connect
 * @param firstByteMs from sending the request to the response headers (and, when streaming, between
 *     events)
 * @param totalMs whole call for non-streaming requests
 */
public record TimeoutConfig(Long connectMs, Long firstByteMs, Long totalMs) {
  /** Defaults suited to hosted LLM APIs: 5 s connect, 60 s first byte, 300 s total. */
  public static final TimeoutConfig DEFAULT = new TimeoutConfig(null, null, null);

  /** Fills unset deadlines with the defaults; all must be positive. */
  public TimeoutConfig {
    connectMs = java.util.Objects.requireNonNullElse(connectMs, 5_000L);
    firstByteMs = java.util.Objects.requireNonNullElse(firstByteMs, 60_000L);
    totalMs = java.util.Objects.requireNonNullElse(totalMs, 300_000L);
    if (connectMs <= 0 || firstByteMs <= 0 || totalMs <= 0) {
      throw new ConfigException(
          "timeouts must be positive, were connect-ms="
              + connectMs
              + " first-byte-ms="
              + firstByteMs
              + " total-ms="
              + totalMs);
    }
  }
}
