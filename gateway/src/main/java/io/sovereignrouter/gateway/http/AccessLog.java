package io.sovereignrouter.gateway.http;

import io.sovereignrouter.gateway.metrics.GatewayMetrics;
import io.sovereignrouter.gateway.metrics.RequestRecord;
import io.sovereignrouter.gateway.metrics.Tracing;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a data-plane response ends (or its client leaves): one JSON log line and the request
 * metrics. Ids, fingerprints, the decision, attempts, latency and the log index — never a key, a
 * prompt or a completion.
 */
final class AccessLog implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger("sovereign.access");
  private final GatewayMetrics metrics;
  private final Tracing tracing;

  AccessLog(GatewayMetrics metrics, Tracing tracing) {
    this.metrics = metrics;
    this.tracing = tracing;
  }

  @Override
  public void handle(RoutingContext ctx) {
    long start = System.nanoTime();
    ctx.addEndHandler(end -> record(ctx, start, !ctx.response().ended()));
    ctx.next();
  }

  private void record(RoutingContext ctx, long start, boolean clientGone) {
    RequestState state = RequestState.of(ctx);
    String endpoint = endpoint(ctx.request().path());
    RequestRecord r =
        new RequestRecord(
            endpoint,
            state.requestId(),
            state.routeDecisionId(),
            state.caller().map(c -> c.tenant().id()).orElse("-"),
            state.caller().map(c -> c.key().fingerprint()).orElse("-"),
            state.policy().map(PolicyOutcome::policyId).orElse("-"),
            state.served().map(s -> s.provider().id()).orElse("-"),
            state.served().map(s -> s.model().id()).orElse("-"),
            clientGone ? 499 : ctx.response().getStatusCode(),
            System.nanoTime() - start,
            state.attempts(),
            state.attestation().map(a -> a.getLong("rekor_index", -1L)).orElse(-1L),
            state.admission().map(Admission::settledInput).orElse(0L),
            state.admission().map(Admission::settledOutput).orElse(0L),
            state.admission().map(Admission::settledCost).orElse(0L));
    metrics.request(r);
    tracing.export(r, start, state.stages());
    if (LOG.isInfoEnabled()) {
      JsonArray attempts = new JsonArray();
      r.attempts()
          .forEach(
              a ->
                  attempts.add(
                      new JsonObject()
                          .put("provider", a.providerId())
                          .put("model", a.model())
                          .put("status", a.status())
                          .put("ms", a.durationMs())
                          .put("error", a.errorClass())));
      LOG.info(
          new JsonObject()
              .put("event", "request")
              .put("endpoint", r.endpoint())
              .put("request_id", r.requestId())
              .put("route_decision_id", r.routeDecisionId())
              .put("tenant_id", r.tenantId())
              .put("key_fingerprint", r.keyFingerprint())
              .put("policy_id", r.policyId())
              .put("provider", r.provider())
              .put("model", r.model())
              .put("status", r.status())
              .put("duration_ms", r.durationNanos() / 1_000_000)
              .put("attempts", attempts)
              .put("log_index", r.logIndex() < 0 ? null : r.logIndex())
              .put("input_tokens", r.inputTokens())
              .put("output_tokens", r.outputTokens())
              .put("cost_micros", r.costMicros())
              .encode());
    }
  }

  private static String endpoint(String path) {
    return switch (path) {
      case "/v1/chat/completions" -> "chat.completions";
      case "/v1/embeddings" -> "embeddings";
      case "/v1/models" -> "models";
      case "/v1/estimate" -> "estimate";
      default -> path.startsWith("/v1/attestations/") ? "attestations" : "other";
    };
  }
}
