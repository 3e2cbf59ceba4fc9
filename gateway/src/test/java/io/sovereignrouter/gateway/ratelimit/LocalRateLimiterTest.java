package io.sovereignrouter.gateway.ratelimit;

import io.vertx.core.Vertx;

/** The rate-limit contract in process. */
class LocalRateLimiterTest extends RateLimiterContract {
  @Override
  protected RateLimiter open(Vertx vertx) {
    return new LocalRateLimiter();
  }
}
