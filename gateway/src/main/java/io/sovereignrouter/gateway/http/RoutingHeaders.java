package io.sovereignrouter.gateway.http;

import io.sovereignrouter.gateway.routing.Attempt;
import io.sovereignrouter.gateway.routing.Route;
import io.vertx.core.http.HttpServerResponse;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The {@code X-SF-*} response headers that say how a request was routed. {@code X-SF-Attempts} is
 * an RFC 8941 structured-field list with one item per attempt, e.g. {@code "flaky";model="m";
 * status=503;ms=12;error="status", "mock";model="m";status=200;ms=3}.
 */
final class RoutingHeaders {
  static final String ATTEMPTS = "X-SF-Attempts";

  private RoutingHeaders() {}

  /** Headers of a served response; {@code serving} is the attempt that answers. */
  static void served(
      HttpServerResponse response, RequestState state, Route route, Attempt serving) {
    response
        .putHeader("X-SF-Route-Decision", state.routeDecisionId())
        .putHeader("X-SF-Provider", route.provider().id())
        .putHeader("X-SF-Model", route.model().upstream())
        .putHeader(
            "X-SF-Tier",
            state
                .policy()
                .flatMap(p -> p.tierOf(route.provider().id(), route.model().upstream()))
                .orElse("none"))
        .putHeader(
            ATTEMPTS,
            format(
                Stream.concat(
                        state.attempts().stream().filter(a -> a != serving), Stream.of(serving))
                    .toList()));
  }

  static void failed(HttpServerResponse response, RequestState state) {
    response.putHeader("X-SF-Route-Decision", state.routeDecisionId());
    if (!state.attempts().isEmpty()) {
      response.putHeader(ATTEMPTS, format(state.attempts()));
    }
  }

  static String format(List<Attempt> attempts) {
    return attempts.stream().map(RoutingHeaders::item).collect(Collectors.joining(", "));
  }

  private static String item(Attempt a) {
    StringBuilder out = new StringBuilder();
    out.append(quoted(a.providerId())).append(";model=").append(quoted(a.model()));
    out.append(";status=").append(a.status()).append(";ms=").append(a.durationMs());
    if (!a.errorClass().isEmpty()) {
      out.append(";error=").append(quoted(a.errorClass()));
    }
    return out.toString();
  }

  /** RFC 8941 §3.3.3 sf-string: printable ASCII with {@code "} and {@code \} escaped. */
  private static String quoted(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (char c : s.toCharArray()) {
      if (c < 0x20 || c > 0x7e) {
        out.append('?');
      } else {
        if (c == '"' || c == '\\') {
          out.append('\\');
        }
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
