package io.sovereignrouter.gateway.http;

import io.sovereignrouter.gateway.ratelimit.RateBucket;
import io.sovereignrouter.gateway.ratelimit.RateLimiter;
import io.sovereignrouter.gateway.ratelimit.RateVerdict;
import io.sovereignrouter.gateway.routing.Route;
import io.sovereignrouter.gateway.spend.QuotaExceededException;
import io.sovereignrouter.gateway.spend.Reservation;
import io.sovereignrouter.gateway.spend.SpendLedger;
import io.sovereignrouter.gateway.tenancy.Authentication.Authenticated;
import io.sovereignrouter.gateway.tenancy.RateLimits;
import io.sovereignrouter.gateway.tenancy.SpendCap;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stage 1's limits, applied once the request's candidates are known: rate limits (429) and the
 * spend cap (402), both before any provider is called. The spend hold is the most the request can
 * cost on any candidate the walk might fall back to.
 */
final class AdmissionStage {
  private final SpendLedger ledger;
  private final RateLimiter limiter;

  AdmissionStage(SpendLedger ledger, RateLimiter limiter) {
    this.ledger = ledger;
    this.limiter = limiter;
  }

  /**
   * Admits the request or fails with the 429/402 answer. On success the request carries an {@link
   * Admission} that the response path settles or releases.
   *
   * @param inputTokens estimated prompt tokens
   * @param outputTokens most completion tokens the request allows
   */
  Future<Void> admit(RoutingContext ctx, List<Route> routes, long inputTokens, long outputTokens) {
    RequestState state = RequestState.of(ctx);
    Authenticated caller = state.caller().orElseThrow();
    Instant now = Instant.now();
    List<RateBucket> buckets = buckets(caller);
    long started = System.nanoTime();
    Future<RateVerdict> rate =
        buckets.isEmpty()
            ? Future.succeededFuture(null)
            : limiter.admit(buckets, inputTokens + outputTokens, now);
    return rate.compose(
        verdict -> {
          if (verdict != null) {
            QuotaHeaders.rateLimits(ctx.response(), verdict);
            if (!verdict.admitted()) {
              return Future.failedFuture(
                  QuotaHeaders.rateLimited(verdict, inputTokens + outputTokens));
            }
          }
          long window = verdict == null ? RateLimiter.windowOf(now) : verdict.window();
          long maxCost = worstCaseCost(routes, inputTokens, outputTokens);
          Optional<SpendCap> cap = caller.tenant().settings().spendCap();
          Future<Optional<Reservation>> hold =
              cap.isEmpty()
                  ? Future.succeededFuture(Optional.empty())
                  : ledger.reserve(caller.tenant().id(), cap.get(), maxCost, now).map(Optional::of);
          return hold.recover(
                  e -> {
                    // The refused request never started: give its rate-limit tokens back.
                    if (!buckets.isEmpty()) {
                      limiter.adjustTokens(buckets, window, -(inputTokens + outputTokens));
                    }
                    return Future.failedFuture(
                        e instanceof QuotaExceededException q
                            ? QuotaHeaders.overCap(q, cap.orElseThrow())
                            : e);
                  })
              .map(
                  reservation -> {
                    reservation.ifPresent(r -> QuotaHeaders.quota(ctx.response(), r.status()));
                    Admission admission =
                        new Admission(
                            ledger,
                            limiter,
                            caller,
                            reservation,
                            buckets,
                            window,
                            inputTokens,
                            outputTokens);
                    state.admission(admission);
                    state.stage("admission", started);
                    // Safety net: a request that ends without settling (client gone, a bug)
                    // is charged its estimate rather than leaving a hold until the sweeper.
                    ctx.addEndHandler(
                        done -> {
                          if (!admission.closed()) {
                            settleAtEstimate(state, admission, routes);
                          }
                        });
                    return null;
                  });
        });
  }

  /** The most a request can cost on any of {@code routes} (the spend hold). */
  static long worstCaseCost(List<Route> routes, long inputTokens, long outputTokens) {
    return routes.stream()
        .mapToLong(r -> r.model().pricing().costMicros(inputTokens, outputTokens))
        .max()
        .orElse(0);
  }

  /** Completion tokens assumed for a request without {@code max_tokens}: the routes' largest. */
  static long defaultOutputTokens(List<Route> routes) {
    return routes.stream().mapToLong(r -> r.model().maxOutputTokens()).max().orElse(0);
  }

  private static void settleAtEstimate(
      RequestState state, Admission admission, List<Route> routes) {
    if (state.attempts().isEmpty()) {
      admission.release();
    } else {
      Route last =
          routes.stream()
              .filter(r -> r.provider().id().equals(state.attempts().getLast().providerId()))
              .findFirst()
              .orElse(routes.getFirst());
      admission.settle(last, Optional.empty());
    }
  }

  private static List<RateBucket> buckets(Authenticated caller) {
    RateLimits l = caller.tenant().settings().rateLimits();
    String tenant = caller.tenant().id();
    List<RateBucket> out = new ArrayList<>(2);
    RateBucket whole = new RateBucket(tenant, "tenant", l.requestsPerMinute(), l.tokensPerMinute());
    RateBucket key =
        new RateBucket(
            tenant,
            "key:" + caller.key().keyId(),
            l.keyRequestsPerMinute(),
            l.keyTokensPerMinute());
    if (whole.limited()) {
      out.add(whole);
    }
    if (key.limited()) {
      out.add(key);
    }
    return List.copyOf(out);
  }
}
