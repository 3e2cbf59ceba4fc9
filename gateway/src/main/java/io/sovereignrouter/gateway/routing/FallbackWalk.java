package io.sovereignrouter.gateway.routing;

import io.sovereignrouter.gateway.config.RoutingConfig;
import io.sovereignrouter.gateway.provider.ProviderFailure;
import io.vertx.core.Future;
import java.util.List;
import java.util.function.Function;

/**
 * Stage 4: tries candidates in policy rank, then health order ({@link HealthTracker#order}) until
 * one serves the request. A retryable failure (connect error, timeout, 408, 429, 5xx, malformed
 * reply) before the first byte reached the client moves to the next candidate, within {@code
 * max-attempts} and {@code total-timeout-ms}; anything else ends the walk. Candidates whose breaker
 * refuses are skipped without an attempt. Every attempt is appended to the request's list and fed
 * to the health tracker.
 */
public final class FallbackWalk {
  private final HealthTracker health;
  private final RoutingConfig config;

  /**
   * @param health ordering, breakers and samples
   * @param config attempt and deadline limits
   */
  public FallbackWalk(HealthTracker health, RoutingConfig config) {
    this.health = health;
    this.config = config;
  }

  /**
   * Walks {@code candidates}.
   *
   * @param candidates in the policy's chain order, each with its rank; not empty
   * @param call one attempt against one route
   * @param progress what already reached the client
   * @param attempts receives one record per attempt
   * @return the first success, or the last failure: a {@link ProviderFailure}, or {@link
   *     CircuitOpenException} when no candidate was admitted
   */
  public <T> Future<Served<T>> walk(
      List<Route> candidates,
      Function<Route, Future<T>> call,
      ClientProgress progress,
      List<Attempt> attempts) {
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException("no candidates to walk");
    }
    long deadline = System.nanoTime() + config.totalTimeoutMs() * 1_000_000;
    return new Run<>(health.order(candidates), call, progress, attempts, deadline).step(0, null);
  }

  private final class Run<T> {
    private final List<Route> ordered;
    private final Function<Route, Future<T>> call;
    private final ClientProgress progress;
    private final List<Attempt> attempts;
    private final long deadlineNanos;
    private int tried;

    Run(
        List<Route> ordered,
        Function<Route, Future<T>> call,
        ClientProgress progress,
        List<Attempt> attempts,
        long deadlineNanos) {
      this.ordered = ordered;
      this.call = call;
      this.progress = progress;
      this.attempts = attempts;
      this.deadlineNanos = deadlineNanos;
    }

    Future<Served<T>> step(int index, ProviderFailure last) {
      int i = index;
      while (i < ordered.size() && !health.admit(ordered.get(i))) {
        i++;
      }
      boolean exhausted =
          i >= ordered.size()
              || tried >= config.maxAttempts()
              || (last != null && System.nanoTime() > deadlineNanos);
      if (exhausted) {
        return Future.failedFuture(last != null ? last : circuitOpen());
      }
      Route route = ordered.get(i);
      int next = i + 1;
      tried++;
      long start = System.nanoTime();
      return call.apply(route).transform(ar -> settle(route, start, ar.result(), ar.cause(), next));
    }

    private Future<Served<T>> settle(Route route, long start, T result, Throwable cause, int next) {
      long end = System.nanoTime();
      long totalMs = (end - start) / 1_000_000;
      long ttfbMs =
          progress.committed()
              ? Math.max(0, (progress.firstByteNanos() - start) / 1_000_000)
              : totalMs;
      if (cause == null) {
        health.record(route, true, ttfbMs, totalMs);
        attempts.add(attempt(route, Attempt.Outcome.OK, 200, ttfbMs, totalMs, ""));
        return Future.succeededFuture(new Served<>(route, result));
      }
      ProviderFailure failure =
          cause instanceof ProviderFailure f
              ? f
              : ProviderFailure.protocol(
                  route.provider().id(), "adapter error: " + cause.getClass().getSimpleName());
      boolean afterCommit = progress.committed();
      if (failure.countsAgainstProvider()) {
        health.record(route, false, ttfbMs, totalMs);
      }
      String errorClass = failure.kind().name().toLowerCase(java.util.Locale.ROOT);
      attempts.add(
          attempt(
              route, outcome(failure, afterCommit), failure.status(), ttfbMs, totalMs, errorClass));
      if (afterCommit || !failure.retryable()) {
        return Future.failedFuture(failure);
      }
      return step(next, failure);
    }

    private CircuitOpenException circuitOpen() {
      long wait = ordered.stream().mapToLong(r -> health.snapshot(r).openForMs()).min().orElse(0);
      return new CircuitOpenException(wait);
    }
  }

  private static Attempt attempt(
      Route route, Attempt.Outcome outcome, int status, long ttfbMs, long totalMs, String error) {
    return new Attempt(
        route.provider().id(), route.model().upstream(), outcome, status, ttfbMs, totalMs, error);
  }

  private static Attempt.Outcome outcome(ProviderFailure failure, boolean afterCommit) {
    if (failure.kind() == ProviderFailure.Kind.CANCELLED) {
      return Attempt.Outcome.CANCELLED;
    }
    if (afterCommit) {
      return Attempt.Outcome.FAILED_AFTER_COMMIT;
    }
    return failure.retryable() ? Attempt.Outcome.FAILED : Attempt.Outcome.REJECTED;
  }

  /**
   * A successful attempt.
   *
   * @param route who served
   * @param result what they answered
   */
  public record Served<T>(Route route, T result) {}
}
