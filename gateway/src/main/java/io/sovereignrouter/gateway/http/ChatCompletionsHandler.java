package io.sovereignrouter.gateway.http;

import io.sovereignrouter.gateway.config.ModelKind;
import io.sovereignrouter.gateway.openai.ChatRequest;
import io.sovereignrouter.gateway.openai.ChatRequestValidator;
import io.sovereignrouter.gateway.openai.RequestBodies;
import io.sovereignrouter.gateway.routing.Attempt;
import io.sovereignrouter.gateway.routing.Route;
import io.sovereignrouter.gateway.spend.TokenEstimate;
import io.sovereignrouter.policy.RouteRequest;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /v1/chat/completions}: validates, resolves candidates and walks them, answering
 * either one JSON body or an SSE stream ending in {@code data: [DONE]}.
 */
public final class ChatCompletionsHandler implements Handler<RoutingContext> {
  private final Pipeline pipeline;

  private ChatCompletionsHandler(Pipeline pipeline) {
    this.pipeline = pipeline;
  }

  static ChatCompletionsHandler create(Pipeline pipeline) {
    return new ChatCompletionsHandler(pipeline);
  }

  @Override
  public void handle(RoutingContext ctx) {
    RequestState state = RequestState.of(ctx);
    ChatRequest validated =
        ChatRequestValidator.validate(RequestBodies.parseObject(ctx.body().buffer()));
    List<Route> routes = pipeline.resolver().routes(validated.model(), ModelKind.CHAT);
    pipeline
        .leakScan()
        .apply(ctx, validated.body())
        .compose(
            body -> {
              long input = TokenEstimate.chatInput(body);
              long output =
                  TokenEstimate.chatOutput(body, AdmissionStage.defaultOutputTokens(routes));
              RouteRequest shape =
                  new RouteRequest(
                      validated.model(),
                      validated.stream(),
                      PolicyStage.needs(body, input + output),
                      input,
                      output);
              ChatRequest request =
                  new ChatRequest(
                      validated.model(), validated.stream(), validated.includeUsage(), body);
              return pipeline
                  .decideAndAdmit(ctx, shape, routes)
                  .map(chain -> new Admitted(request, chain));
            })
        .onSuccess(a -> serve(ctx, state, a.request(), a.routes()))
        .onFailure(ctx::fail);
  }

  /** A request past stages 1–3: its final body and the routes policy allows, in order. */
  private record Admitted(ChatRequest request, List<Route> routes) {}

  private void serve(
      RoutingContext ctx, RequestState state, ChatRequest request, List<Route> routes) {
    if (request.stream()) {
      stream(ctx, state, request, routes);
    } else {
      JsonRelay.relay(
          ctx,
          pipeline.walk(),
          pipeline.attestations(),
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
            },
            "1".equals(ctx.request().getHeader(SseResponse.EVENT_HEADER)),
            !request.includeUsage());
    ChatRequest upstream = request.metered();
    pipeline
        .walk()
        .walk(
            routes,
            route -> {
              current[0] = route;
              attemptStart[0] = System.nanoTime();
              return route.provider().streamChat(ModelResolver.call(route, upstream, state), sse);
            },
            sse,
            state.attempts())
        .onSuccess(
            served ->
                pipeline
                    .attestations()
                    .attestStream(ctx, request.model(), served.route(), sse)
                    .onSuccess(sse::done)
                    .onFailure(
                        e ->
                            sse.abort(
                                ApiException.of(
                                    500,
                                    "server_error",
                                    "The response could not be attested; it is not complete.",
                                    null,
                                    "attestation_failed"))))
        .onFailure(
            e -> {
              state
                  .admission()
                  .ifPresent(
                      a -> {
                        if (sse.committed()) {
                          // The provider produced output before failing: charge the estimate.
                          a.settle(current[0], Optional.empty());
                        } else {
                          a.release();
                        }
                      });
              if (sse.committed()) {
                sse.abort(ProviderErrors.toApiException(e, request.model(), state.attempts()));
              } else {
                RoutingHeaders.failed(ctx.response(), state);
                ctx.fail(ProviderErrors.toApiException(e, request.model(), state.attempts()));
              }
            });
  }
}
