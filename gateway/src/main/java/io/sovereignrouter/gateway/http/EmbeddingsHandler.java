package io.sovereignrouter.gateway.http;

import io.sovereignrouter.gateway.config.ModelKind;
import io.sovereignrouter.gateway.openai.EmbeddingsRequest;
import io.sovereignrouter.gateway.openai.EmbeddingsRequestValidator;
import io.sovereignrouter.gateway.openai.RequestBodies;
import io.sovereignrouter.gateway.routing.Route;
import io.sovereignrouter.gateway.spend.TokenEstimate;
import io.sovereignrouter.policy.Needs;
import io.sovereignrouter.policy.RouteRequest;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** {@code POST /v1/embeddings}: validates, walks the candidates, relays the provider's list. */
public final class EmbeddingsHandler implements Handler<RoutingContext> {
  private final Pipeline pipeline;

  private EmbeddingsHandler(Pipeline pipeline) {
    this.pipeline = pipeline;
  }

  static EmbeddingsHandler create(Pipeline pipeline) {
    return new EmbeddingsHandler(pipeline);
  }

  @Override
  public void handle(RoutingContext ctx) {
    RequestState state = RequestState.of(ctx);
    EmbeddingsRequest request =
        EmbeddingsRequestValidator.validate(RequestBodies.parseObject(ctx.body().buffer()));
    List<Route> routes = pipeline.resolver().routes(request.model(), ModelKind.EMBEDDING);
    pipeline
        .leakScan()
        .apply(ctx, request.body())
        .compose(
            body -> {
              long input = TokenEstimate.embeddingInput(body);
              RouteRequest shape =
                  new RouteRequest(
                      request.model(), false, new Needs(false, false, false, input), input, 0);
              return pipeline
                  .decideAndAdmit(ctx, shape, routes)
                  .map(
                      chain -> {
                        JsonRelay.relay(
                            ctx,
                            pipeline.walk(),
                            pipeline.attestations(),
                            request.model(),
                            chain,
                            route ->
                                route
                                    .provider()
                                    .embed(
                                        ModelResolver.call(route, request.model(), body, state)));
                        return chain;
                      });
            })
        .onFailure(ctx::fail);
  }
}
