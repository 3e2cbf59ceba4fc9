package io.sovereignrouter.gateway.http;

import io.sovereignrouter.gateway.ratelimit.RateBucket;
import io.sovereignrouter.gateway.ratelimit.RateLimiter;
import io.sovereignrouter.gateway.routing.Route;
import io.sovereignrouter.gateway.spend.Reservation;
import io.sovereignrouter.gateway.spend.SpendLedger;
import io.sovereignrouter.gateway.spend.UsageEvent;
import io.sovereignrouter.gateway.tenancy.Authentication.Authenticated;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One admitted request's holds: its spend reservation (if the tenant has a cap) and its rate-limit
 * token estimate. Closed exactly once — settled with real usage when a provider served, released
 * when none did — so no route can leave a hold behind or charge twice. Event-loop confined.
 */
final class Admission {
  private final SpendLedger ledger;
  private final RateLimiter limiter;
  private final Authenticated caller;
  private final Optional<Reservation> reservation;
  private final List<RateBucket> buckets;
  private final long window;
  private final long estimatedInput;
  private final long estimatedOutput;
  private boolean closed;
  private long settledInput;
  private long settledOutput;
  private long settledCost;

  Admission(
      SpendLedger ledger,
      RateLimiter limiter,
      Authenticated caller,
      Optional<Reservation> reservation,
      List<RateBucket> buckets,
      long window,
      long estimatedInput,
      long estimatedOutput) {
    this.ledger = ledger;
    this.limiter = limiter;
    this.caller = caller;
    this.reservation = reservation;
    this.buckets = buckets;
    this.window = window;
    this.estimatedInput = estimatedInput;
    this.estimatedOutput = estimatedOutput;
  }

  /**
   * Records what {@code route} served: the provider's usage when it reported one, else the estimate
   * (a cap is never undercounted).
   *
   * @return the cost in micro-dollars
   */
  Future<Long> settle(Route route, Optional<JsonObject> usage) {
    if (closed) {
      return Future.succeededFuture(0L);
    }
    closed = true;
    long input = usage.map(u -> u.getLong("prompt_tokens", estimatedInput)).orElse(estimatedInput);
    long output = usage.map(u -> u.getLong("completion_tokens", 0L)).orElse(estimatedOutput);
    long cost = route.model().pricing().costMicros(input, output);
    settledInput = input;
    settledOutput = output;
    settledCost = cost;
    UsageEvent event =
        new UsageEvent(
            Instant.now(),
            caller.tenant().id(),
            caller.key().keyId(),
            route.provider().id(),
            route.model().id(),
            input,
            output,
            cost);
    correctTokens(input + output);
    Future<Void> written =
        reservation.map(r -> ledger.settle(r, event)).orElseGet(() -> ledger.record(event));
    return written.map(cost);
  }

  /** Drops the holds: no provider served. */
  Future<Void> release() {
    if (closed) {
      return Future.succeededFuture();
    }
    closed = true;
    correctTokens(0);
    return reservation.map(ledger::release).orElseGet(Future::succeededFuture);
  }

  /** Settled prompt tokens (0 until settled). */
  long settledInput() {
    return settledInput;
  }

  /** Settled completion tokens (0 until settled). */
  long settledOutput() {
    return settledOutput;
  }

  /** Settled cost in micro-dollars (0 until settled). */
  long settledCost() {
    return settledCost;
  }

  /** Whether settle or release ran. */
  boolean closed() {
    return closed;
  }

  private void correctTokens(long actual) {
    long delta = actual - (estimatedInput + estimatedOutput);
    if (delta != 0 && !buckets.isEmpty()) {
      limiter.adjustTokens(buckets, window, delta);
    }
  }
}
