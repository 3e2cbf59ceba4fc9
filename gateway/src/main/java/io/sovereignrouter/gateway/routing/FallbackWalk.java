package io.sovereignrouter.gateway.routing;

import io.sovereignrouter.gateway.provider.ProviderFailure;
import io.vertx.core.Future;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Stage 4: tries candidates in order until one serves the request. A retryable failure before the
 * first byte reached the client moves to the next candidate; anything else ends the walk. Every
 * attempt is appended to {@code attempts}.
 */
public final class FallbackWalk {
  private FallbackWalk() {}

  /**
   * Walks {@code routes}.
   *
   * @param routes candidates in preference order, not empty
   * @param call one attempt against one route
   * @param committed whether bytes already reached the client (no switch after that)
   * @param attempts receives one record per attempt
   * @return the first success, or the last failure ({@link ProviderFailure} unless a bug)
   */
  public static <T> Future<Served<T>> walk(
      List<Route> routes,
      Function<Route, Future<T>> call,
      BooleanSupplier committed,
      List<Attempt> attempts) {
    if (routes.isEmpty()) {
      throw new IllegalArgumentException("no candidates to walk");
    }
    return step(routes, 0, call, committed, attempts);
  }

  private static <T> Future<Served<T>> step(
      List<Route> routes,
      int index,
      Function<Route, Future<T>> call,
      BooleanSupplier committed,
      List<Attempt> attempts) {
    Route route = routes.get(index);
    long start = System.nanoTime();
    return call.apply(route)
        .transform(
            ar -> {
              long ms = (System.nanoTime() - start) / 1_000_000;
              if (ar.succeeded()) {
                attempts.add(
                    new Attempt(
                        route.provider().id(),
                        route.model().upstream(),
                        Attempt.Outcome.OK,
                        200,
                        ms));
                return Future.succeededFuture(new Served<>(route, ar.result()));
              }
              ProviderFailure failure =
                  ar.cause() instanceof ProviderFailure f
                      ? f
                      : ProviderFailure.protocol(
                          route.provider().id(),
                          "adapter error: " + ar.cause().getClass().getSimpleName());
              boolean afterCommit = committed.getAsBoolean();
              attempts.add(
                  new Attempt(
                      route.provider().id(),
                      route.model().upstream(),
                      outcome(failure, afterCommit),
                      failure.status(),
                      ms));
              boolean last = index + 1 >= routes.size();
              if (afterCommit || !failure.retryable() || last) {
                return Future.failedFuture(failure);
              }
              return step(routes, index + 1, call, committed, attempts);
            });
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
