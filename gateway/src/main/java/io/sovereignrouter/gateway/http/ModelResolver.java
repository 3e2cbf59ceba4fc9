package io.sovereignrouter.gateway.http;

import io.sovereignrouter.gateway.config.ModelKind;
import io.sovereignrouter.gateway.openai.ChatRequest;
import io.sovereignrouter.gateway.provider.UpstreamCall;
import io.sovereignrouter.gateway.routing.ModelCatalog;
import io.sovereignrouter.gateway.routing.Route;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Turns a requested model id into candidates, with OpenAI's errors for unknown or misused models.
 */
final class ModelResolver {
  private final java.util.function.Supplier<ModelCatalog> catalog;

  ModelResolver(java.util.function.Supplier<ModelCatalog> catalog) {
    this.catalog = catalog;
  }

  List<Route> routes(String model, ModelKind endpoint) {
    List<Route> routes = catalog.get().routes(model);
    if (routes.isEmpty()) {
      throw ApiException.of(
          404,
          "invalid_request_error",
          "The model `" + model + "` does not exist or you do not have access to it.",
          "model",
          "model_not_found");
    }
    ModelKind kind = routes.get(0).model().kind();
    if (kind != endpoint) {
      String what = endpoint == ModelKind.CHAT ? "a chat model" : "an embedding model";
      throw ApiException.invalid(
          "The model `"
              + model
              + "` is not "
              + what
              + " and is not supported on this"
              + " endpoint.",
          "model",
          "model_not_supported");
    }
    return routes;
  }

  /** The body as {@code route}'s provider must see it: only {@code model} is rewritten. */
  static UpstreamCall call(Route route, String clientModel, JsonObject body, RequestState state) {
    String upstream = route.model().upstream();
    JsonObject forProvider =
        upstream.equals(body.getValue("model")) ? body : body.copy().put("model", upstream);
    return new UpstreamCall(forProvider, clientModel, state.requestId(), state.clientGone());
  }

  static UpstreamCall call(Route route, ChatRequest request, RequestState state) {
    return call(route, request.model(), request.body(), state);
  }
}
