package io.sovereignrouter.gateway.http;

import io.sovereignrouter.gateway.provider.UpstreamReply;
import io.sovereignrouter.gateway.routing.ClientProgress;
import io.sovereignrouter.gateway.routing.FallbackWalk;
import io.sovereignrouter.gateway.routing.Route;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.function.Function;

/** Walks the candidates of a non-streaming call and relays the serving provider's JSON body. */
final class JsonRelay {
  private JsonRelay() {}

  /**
   * @param walk the fallback walk
   * @param attestations stage 6
   * @param model the model the client asked for (for error messages)
   * @param routes candidates in preference order
   * @param call one attempt against one candidate
   */
  static void relay(
      RoutingContext ctx,
      FallbackWalk walk,
      Attestations attestations,
      String model,
      List<Route> routes,
      Function<Route, Future<UpstreamReply>> call) {
    RequestState state = RequestState.of(ctx);
    walk.walk(routes, call, ClientProgress.NONE, state.attempts())
        .onSuccess(
            served -> {
              RoutingHeaders.served(
                  ctx.response(), state, served.route(), state.attempts().getLast());
              attestations
                  .respondJson(ctx, model, served.route(), served.result())
                  .onFailure(ctx::fail);
            })
        .onFailure(
            e -> {
              state.admission().ifPresent(Admission::release);
              RoutingHeaders.failed(ctx.response(), state);
              ctx.fail(ProviderErrors.toApiException(e, model, state.attempts()));
            });
  }
}
