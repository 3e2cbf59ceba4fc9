package io.sovereignrouter.gateway.ratelimit;

import io.sovereignrouter.gateway.config.RateLimitConfig;
import io.sovereignrouter.gateway.provider.Credentials;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;

/** Builds the configured limiter. */
public final class RateLimiters {
  private RateLimiters() {}

  /**
   * Client options for {@code url}: a pool sized for one admission per request, with a wait queue
   * deep enough for bursts (a full queue fails the request fast rather than stalling it).
   */
  public static RedisOptions options(String url) {
    return new RedisOptions().setConnectionString(url).setMaxPoolSize(32).setMaxPoolWaiting(2048);
  }

  /**
   * @param vertx owning instance
   * @param config backend choice
   * @param credentials resolves the Redis password reference
   */
  public static RateLimiter create(Vertx vertx, RateLimitConfig config, Credentials credentials) {
    return switch (config.backend()) {
      case "redis" -> {
        RedisOptions options = options(config.redisUrl());
        config
            .passwordRef()
            .ifPresent(
                ref ->
                    options.setPassword(
                        credentials.resolveSetting("rate-limits.redis-password", ref)));
        yield new RedisRateLimiter(Redis.createClient(vertx, options), config.keyPrefix());
      }
      default -> new LocalRateLimiter();
    };
  }
}
