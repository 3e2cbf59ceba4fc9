package io.sovereignrouter.gateway.http;

import io.sovereignrouter.gateway.config.ModelKind;
import io.sovereignrouter.gateway.openai.EmbeddingsRequest;
import io.sovereignrouter.gateway.openai.EmbeddingsRequestValidator;
import io.sovereignrouter.gateway.openai.RequestBodies;
import io.sovereignrouter.gateway.routing.FallbackWalk;
import io.sovereignrouter.gateway.routing.Route;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** {@code POST /v1/embeddings}: validates, walks the candidates, relays the provider's list. */
public final class EmbeddingsHandler implements Handler<RoutingContext> {
  private final ModelResolver resolver;
  private final FallbackWalk walk;

  private EmbeddingsHandler(ModelResolver resolver, FallbackWalk walk) {
    this.resolver = resolver;
    this.walk = walk;
  }

  static EmbeddingsHandler create(ModelResolver resolver, FallbackWalk walk) {
    return new EmbeddingsHandler(resolver, walk);
  }

  @Override
  public void handle(RoutingContext ctx) {
    RequestState state = RequestState.of(ctx);
    EmbeddingsRequest request =
        EmbeddingsRequestValidator.validate(RequestBodies.parseObject(ctx.body().buffer()));
    List<Route> routes = resolver.routes(request.model(), ModelKind.EMBEDDING);
    JsonRelay.relay(
        ctx,
        walk,
        request.model(),
        routes,
        route ->
            route
                .provider()
                .embed(ModelResolver.call(route, request.model(), request.body(), state)));
  }
}
