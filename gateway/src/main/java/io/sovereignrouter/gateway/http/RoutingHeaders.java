package io.sovereignrouter.gateway.http;

import io.sovereignrouter.gateway.routing.Route;
import io.vertx.core.http.HttpServerResponse;

/** The {@code X-SF-*} response headers that say how a request was routed. */
final class RoutingHeaders {
  private RoutingHeaders() {}

  /**
   * @param attemptNumber 1-based number of the serving attempt
   */
  static void served(
      HttpServerResponse response, RequestState state, Route route, int attemptNumber) {
    response
        .putHeader("X-SF-Route-Decision", state.routeDecisionId())
        .putHeader("X-SF-Provider", route.provider().id())
        .putHeader("X-SF-Model", route.model().upstream())
        .putHeader("X-SF-Attempts", Integer.toString(attemptNumber));
  }

  static void failed(HttpServerResponse response, RequestState state) {
    response
        .putHeader("X-SF-Route-Decision", state.routeDecisionId())
        .putHeader("X-SF-Attempts", Integer.toString(state.attempts().size()));
  }
}
