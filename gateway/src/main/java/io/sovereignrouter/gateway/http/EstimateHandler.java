package io.sovereignrouter.gateway.http;

import io.sovereignrouter.gateway.config.ModelKind;
import io.sovereignrouter.gateway.openai.ChatRequest;
import io.sovereignrouter.gateway.openai.ChatRequestValidator;
import io.sovereignrouter.gateway.openai.EmbeddingsRequest;
import io.sovereignrouter.gateway.openai.EmbeddingsRequestValidator;
import io.sovereignrouter.gateway.openai.RequestBodies;
import io.sovereignrouter.gateway.routing.Route;
import io.sovereignrouter.gateway.spend.SpendLedger;
import io.sovereignrouter.gateway.spend.TokenEstimate;
import io.sovereignrouter.gateway.tenancy.SpendCap;
import io.sovereignrouter.gateway.tenancy.Tenant;
import io.sovereignrouter.gateway.tenancy.TenantSettingsJson;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /v1/estimate}: what a chat-completions request (or, with {@code input}, an embeddings
 * request) would hold against the caller's spend cap — the same estimate admission uses — per
 * candidate and in the worst case, and whether the cap has room for it now. No side effects.
 */
final class EstimateHandler implements Handler<RoutingContext> {
  private final ModelResolver resolver;
  private final SpendLedger ledger;

  private EstimateHandler(ModelResolver resolver, SpendLedger ledger) {
    this.resolver = resolver;
    this.ledger = ledger;
  }

  static EstimateHandler create(ModelResolver resolver, SpendLedger ledger) {
    return new EstimateHandler(resolver, ledger);
  }

  @Override
  public void handle(RoutingContext ctx) {
    JsonObject body = RequestBodies.parseObject(ctx.body().buffer());
    boolean embeddings = body.containsKey("input");
    String model;
    List<Route> routes;
    long input;
    long output;
    if (embeddings) {
      EmbeddingsRequest request = EmbeddingsRequestValidator.validate(body);
      model = request.model();
      routes = resolver.routes(model, ModelKind.EMBEDDING);
      input = TokenEstimate.embeddingInput(request.body());
      output = 0;
    } else {
      ChatRequest request = ChatRequestValidator.validate(body);
      model = request.model();
      routes = resolver.routes(model, ModelKind.CHAT);
      input = TokenEstimate.chatInput(request.body());
      output = TokenEstimate.chatOutput(request.body(), AdmissionStage.defaultOutputTokens(routes));
    }
    JsonArray candidates = new JsonArray();
    long worst = AdmissionStage.worstCaseCost(routes, input, output);
    for (Route r : routes) {
      long cost = r.model().pricing().costMicros(input, output);
      candidates.add(
          new JsonObject()
              .put("provider", r.provider().id())
              .put("model", r.model().upstream())
              .put("max_cost_usd", TenantSettingsJson.usd(cost)));
    }
    JsonObject answer =
        new JsonObject()
            .put("object", "estimate")
            .put("model", model)
            .put("input_tokens", input)
            .put("max_output_tokens", output)
            .put("max_cost_usd", TenantSettingsJson.usd(worst))
            .put("candidates", candidates);
    Tenant tenant = RequestState.of(ctx).caller().orElseThrow().tenant();
    long hold = worst;
    quota(tenant)
        .onSuccess(
            q -> {
              answer.put("quota", q.orElse(null));
              answer.put(
                  "within_cap", q.map(j -> j.getLong("remaining_micros") >= hold).orElse(true));
              q.ifPresent(j -> j.remove("remaining_micros"));
              ctx.json(answer);
            })
        .onFailure(ctx::fail);
  }

  private Future<Optional<JsonObject>> quota(Tenant tenant) {
    Optional<SpendCap> cap = tenant.settings().spendCap();
    if (cap.isEmpty()) {
      return Future.succeededFuture(Optional.empty());
    }
    return ledger
        .status(tenant.id(), cap.get(), Instant.now())
        .map(
            s ->
                Optional.of(
                    new JsonObject()
                        .put("limit_usd", TenantSettingsJson.usd(s.limitMicros()))
                        .put("remaining_usd", TenantSettingsJson.usd(s.remainingMicros()))
                        .put("resets_at", s.reset().toString())
                        .put("remaining_micros", s.remainingMicros())));
  }
}
