package io.sovereignrouter.gateway.http;

import io.sovereignrouter.gateway.config.ModelKind;
import io.sovereignrouter.gateway.openai.ChatRequest;
import io.sovereignrouter.gateway.openai.ChatRequestValidator;
import io.sovereignrouter.gateway.openai.RequestBodies;
import io.sovereignrouter.gateway.routing.Attempt;
import io.sovereignrouter.gateway.routing.FallbackWalk;
import io.sovereignrouter.gateway.routing.Route;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code POST /v1/chat/completions}: validates, resolves candidates and walks them, answering
 * either one JSON body or an SSE stream ending in {@code data: [DONE]}.
 */
public final class ChatCompletionsHandler implements Handler<RoutingContext> {
  private final ModelResolver resolver;
  private final FallbackWalk walk;

  private ChatCompletionsHandler(ModelResolver resolver, FallbackWalk walk) {
    this.resolver = resolver;
    this.walk = walk;
  }

  static ChatCompletionsHandler create(ModelResolver resolver, FallbackWalk walk) {
    return new ChatCompletionsHandler(resolver, walk);
  }

  @Override
  public void handle(RoutingContext ctx) {
    RequestState state = RequestState.of(ctx);
    ChatRequest request =
        ChatRequestValidator.validate(RequestBodies.parseObject(ctx.body().buffer()));
    List<Route> routes = resolver.routes(request.model(), ModelKind.CHAT);
    if (request.stream()) {
      stream(ctx, state, request, routes);
    } else {
      JsonRelay.relay(
          ctx,
          walk,
          request.model(),
          routes,
          route -> route.provider().chat(ModelResolver.call(route, request, state)));
    }
  }

  private void stream(
      RoutingContext ctx, RequestState state, ChatRequest request, List<Route> routes) {
    Route[] current = new Route[1];
    long[] attemptStart = new long[1];
    SseResponse sse =
        new SseResponse(
            ctx.response(),
            // Headers leave with the first chunk, before the serving attempt is recorded.
            response -> {
              long ttfbMs = (System.nanoTime() - attemptStart[0]) / 1_000_000;
              Attempt serving =
                  new Attempt(
                      current[0].provider().id(),
                      current[0].model().upstream(),
                      Attempt.Outcome.OK,
                      200,
                      ttfbMs,
                      ttfbMs,
                      "");
              RoutingHeaders.served(response, state, current[0], serving);
            });
    walk.walk(
            routes,
            route -> {
              current[0] = route;
              attemptStart[0] = System.nanoTime();
              return route.provider().streamChat(ModelResolver.call(route, request, state), sse);
            },
            sse,
            state.attempts())
        .onSuccess(served -> sse.done())
        .onFailure(
            e -> {
              if (sse.committed()) {
                sse.abort(ProviderErrors.toApiException(e, request.model(), state.attempts()));
              } else {
                RoutingHeaders.failed(ctx.response(), state);
                ctx.fail(ProviderErrors.toApiException(e, request.model(), state.attempts()));
              }
            });
  }
}
