package io.sovereignrouter.gateway.http;

import io.sovereignrouter.gateway.config.ModelConfig;
import io.sovereignrouter.gateway.metrics.GatewayMetrics;
import io.sovereignrouter.gateway.policy.PolicyEvaluator;
import io.sovereignrouter.gateway.policy.Witnesses;
import io.sovereignrouter.gateway.routing.BreakerState;
import io.sovereignrouter.gateway.routing.HealthSnapshot;
import io.sovereignrouter.gateway.routing.HealthTracker;
import io.sovereignrouter.gateway.routing.Route;
import io.sovereignrouter.gateway.tenancy.TenantSettings;
import io.sovereignrouter.policy.Candidate;
import io.sovereignrouter.policy.Capabilities;
import io.sovereignrouter.policy.ChainEntry;
import io.sovereignrouter.policy.Decision;
import io.sovereignrouter.policy.DriftState;
import io.sovereignrouter.policy.Needs;
import io.sovereignrouter.policy.Origin;
import io.sovereignrouter.policy.PolicyInput;
import io.sovereignrouter.policy.Reason;
import io.sovereignrouter.policy.RouteRequest;
import io.sovereignrouter.policy.Tenant;
import io.sovereignrouter.policy.WitnessVerifier.WitnessedScopes;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Stage 3: picks the policy ({@code X-SF-Policy}, else the tenant default), builds the policy input
 * from the request's shape, the tenant and the candidates (prices, witnessed scopes, health), and
 * lets the engine decide. Allowed: the candidates are narrowed and reordered to the policy's chain.
 * Denied: 403 {@code policy_violation} with the reasons, before any provider is called or any spend
 * is held.
 */
final class PolicyStage {
  /** Request header naming the policy. */
  static final String HEADER = "X-SF-Policy";

  private final PolicyEvaluator evaluator;
  private final Set<String> knownPolicies;
  private final HealthTracker health;
  private final Witnesses witnesses;
  private final GatewayMetrics metrics;
  private final InputDigests inputDigests = new InputDigests();

  PolicyStage(
      PolicyEvaluator evaluator,
      Set<String> knownPolicies,
      HealthTracker health,
      Witnesses witnesses,
      GatewayMetrics metrics) {
    this.metrics = metrics;
    this.evaluator = evaluator;
    this.knownPolicies = Set.copyOf(knownPolicies);
    this.health = health;
    this.witnesses = witnesses;
  }

  /**
   * Decides and yields the routes to walk, in policy order.
   *
   * @param request the request's shape (never its content)
   */
  Future<List<Route>> decide(RoutingContext ctx, RouteRequest request, List<Route> routes) {
    RequestState state = RequestState.of(ctx);
    io.sovereignrouter.gateway.tenancy.Tenant tenant = state.caller().orElseThrow().tenant();
    String policyId = policyId(ctx, tenant.settings());
    Instant now = Instant.now();
    List<Candidate> candidates = new ArrayList<>(routes.size());
    for (Route r : routes) {
      candidates.add(candidate(r, now));
    }
    long inputTokens = PolicyQuantizer.tokens(request.inputTokens());
    RouteRequest shape =
        new RouteRequest(
            request.model(),
            request.stream(),
            new Needs(
                request.needs().tools(),
                request.needs().jsonMode(),
                request.needs().vision(),
                inputTokens + request.maxOutputTokens()),
            inputTokens,
            request.maxOutputTokens());
    PolicyInput input =
        new PolicyInput(
            new Tenant(tenant.id(), tenant.settings().allowedPolicies()),
            policyId,
            shape,
            new Origin(
                Optional.ofNullable(ctx.request().getHeader("Origin")).orElse(""),
                ctx.request().remoteAddress() == null
                    ? ""
                    : ctx.request().remoteAddress().hostAddress()),
            candidates);
    String inputDigest = inputDigests.of(input);
    long started = System.nanoTime();
    return evaluator
        .decide(input)
        .onComplete(
            ar -> {
              state.stage("policy", started);
              metrics.policyDecision(
                  evaluator.engine(),
                  ar.failed() ? "error" : ar.result() instanceof Decision.Allow ? "allow" : "deny",
                  System.nanoTime() - started);
            })
        .recover(
            e ->
                Future.failedFuture(
                    ApiException.of(
                            503,
                            "server_error",
                            "The policy engine could not decide; try again shortly.",
                            null,
                            "policy_unavailable")
                        .withHeader("Retry-After", "1")))
        .compose(
            decision ->
                switch (decision) {
                  case Decision.Allow allow -> {
                    state.policy(
                        new PolicyOutcome(
                            policyId,
                            evaluator.policyDigest(),
                            inputDigest,
                            evaluator.engine(),
                            allow.tierRequired(),
                            allow.chain(),
                            scopes(candidates)));
                    ctx.response().putHeader(HEADER, policyId);
                    yield Future.succeededFuture(ordered(allow.chain(), routes));
                  }
                  case Decision.Deny deny -> {
                    ctx.response().putHeader(HEADER, policyId);
                    yield Future.failedFuture(violation(deny, request.model()));
                  }
                });
  }

  private String policyId(RoutingContext ctx, TenantSettings settings) {
    String asked = ctx.request().getHeader(HEADER);
    if (asked == null || asked.isBlank()) {
      return settings.defaultPolicy();
    }
    String id = asked.trim();
    if (!knownPolicies.contains(id)) {
      throw ApiException.of(
          400,
          "invalid_request_error",
          "Unknown policy '" + printable(id) + "' in X-SF-Policy.",
          "X-SF-Policy",
          "unknown_policy");
    }
    if (!settings.allowedPolicies().contains(id)) {
      throw ApiException.of(
          403,
          "permission_error",
          "This tenant may not use policy '" + id + "'; allowed: " + settings.allowedPolicies(),
          "X-SF-Policy",
          "policy_not_allowed");
    }
    return id;
  }

  private Candidate candidate(Route r, Instant now) {
    ModelConfig m = r.model();
    HealthSnapshot h = health.snapshot(r);
    WitnessedScopes scopes = witnesses.scopes(m.modelHash(), now);
    return new Candidate(
        r.provider().id(),
        m.upstream(),
        m.modelHash(),
        m.tierCap(),
        scopes.scopes(),
        scopes.rejections(),
        DriftState.NONE,
        m.pricing().inputPerMillion(),
        m.pricing().outputPerMillion(),
        PolicyQuantizer.latency(h.totalP50Ms()),
        PolicyQuantizer.latency(h.totalP95Ms()),
        h.samples() == 0 ? 1.0 : PolicyQuantizer.successRate(h.successRate()),
        h.breaker() != BreakerState.OPEN,
        new Capabilities(
            m.capabilities().tools(),
            m.capabilities().jsonMode(),
            m.capabilities().vision(),
            m.contextLength()),
        r.priority());
  }

  private static java.util.Map<String, List<String>> scopes(List<Candidate> candidates) {
    java.util.Map<String, List<String>> out = new java.util.HashMap<>();
    candidates.forEach(c -> out.put(c.provider() + "/" + c.model(), c.witnessScopes()));
    return out;
  }

  /**
   * Routes in chain order, each carrying its entry's rank for the walk; a chain entry with no route
   * (cannot happen) is skipped.
   */
  private static List<Route> ordered(List<ChainEntry> chain, List<Route> routes) {
    List<Route> out = new ArrayList<>(chain.size());
    for (ChainEntry c : chain) {
      routes.stream()
          .filter(
              r -> r.provider().id().equals(c.provider()) && r.model().upstream().equals(c.model()))
          .findFirst()
          .ifPresent(r -> out.add(r.withRank(c.rank())));
    }
    return out;
  }

  private static ApiException violation(Decision.Deny deny, String model) {
    JsonArray reasons = new JsonArray();
    for (Reason r : deny.reasons()) {
      JsonObject reason = new JsonObject().put("code", r.code());
      r.provider().ifPresent(p -> reason.put("provider", p));
      r.model().ifPresent(m -> reason.put("model", m));
      reasons.add(reason);
    }
    String codes = String.join(", ", deny.reasons().stream().map(Reason::code).distinct().toList());
    return ApiException.of(
            403,
            "permission_error",
            "Policy '"
                + deny.policyId()
                + "' allows no candidate for model '"
                + model
                + "' ("
                + codes
                + ").",
            null,
            "policy_violation")
        .withDetail("reasons", reasons)
        .withDetail("tier_required", deny.tierRequired().orElse(null));
  }

  /** What the request needs from a model, read from its shape. */
  static Needs needs(JsonObject body, long contextTokens) {
    boolean tools = body.getValue("tools") instanceof JsonArray t && !t.isEmpty();
    boolean json =
        body.getValue("response_format") instanceof JsonObject f
            && ("json_object".equals(f.getString("type"))
                || "json_schema".equals(f.getString("type")));
    boolean vision = false;
    if (body.getValue("messages") instanceof JsonArray messages) {
      for (Object m : messages) {
        if (m instanceof JsonObject msg && msg.getValue("content") instanceof JsonArray parts) {
          for (Object p : parts) {
            vision |= p instanceof JsonObject part && "image_url".equals(part.getString("type"));
          }
        }
      }
    }
    return new Needs(tools, json, vision, contextTokens);
  }

  private static String printable(String s) {
    String cut = s.length() > 64 ? s.substring(0, 64) : s;
    return cut.replaceAll("[^\\x20-\\x7e]", "?");
  }
}
