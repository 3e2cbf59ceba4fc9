package io.sovereignrouter.gateway.config;

import java.util.Objects;
import java.util.Optional;

/**
 * Where rate-limit counters live: in this process ({@code local}, one replica) or in Redis ({@code
 * redis}, shared by replicas).
 *
 * @param backend {@code local} (default) or {@code redis}
 * @param redisUrl {@code redis://host:port[/db]} or {@code rediss://…} for TLS; required for redis
 * @param redisPassword a secret reference ({@code env:NAME}, {@code file:NAME}, …) for AUTH, if
 *     any; never the password itself
 * @param keyPrefix namespace of the counter keys, so gateways sharing one Redis stay apart
 */
public record RateLimitConfig(
    String backend, String redisUrl, String redisPassword, String keyPrefix) {
  /** All defaults: in-process counters. */
  public static final RateLimitConfig DEFAULT = new RateLimitConfig(null, null, null, null);

  /** Fills defaults and validates. */
  public RateLimitConfig {
    backend = Objects.requireNonNullElse(backend, "local");
    keyPrefix = Objects.requireNonNullElse(keyPrefix, "sovereign");
    switch (backend) {
      case "local" -> {}
      case "redis" -> {
        if (redisUrl == null || !redisUrl.matches("rediss?://[^\\s]+")) {
          throw new ConfigException(
              "rate-limits.redis-url must be redis://host:port or rediss://host:port");
        }
        if (redisUrl.matches("rediss?://[^/@]*:[^/@]*@.*")) {
          throw new ConfigException(
              "rate-limits.redis-url must not carry a password; use rate-limits.redis-password");
        }
      }
      default ->
          throw new ConfigException("rate-limits.backend must be local or redis, was " + backend);
    }
  }

  /** The password reference, if configured. */
  public Optional<String> passwordRef() {
    return Optional.ofNullable(redisPassword).filter(s -> !s.isBlank());
  }
}
