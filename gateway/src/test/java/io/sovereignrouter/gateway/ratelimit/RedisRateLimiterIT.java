package io.sovereignrouter.gateway.ratelimit;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;

/** The rate-limit contract on a real Redis server. */
class RedisRateLimiterIT extends RateLimiterContract {
  @Override
  protected RateLimiter open(Vertx vertx) {
    return new RedisRateLimiter(
        Redis.createClient(vertx, RateLimiters.options(EmbeddedRedisServer.url())), "test");
  }
}
