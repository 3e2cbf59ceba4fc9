package io.sovereignrouter.gateway.http;

import io.sovereignrouter.gateway.attest.AuditEvents;
import io.sovereignrouter.gateway.metrics.GatewayMetrics;
import io.sovereignrouter.gateway.scan.ChatRequestScanner;
import io.sovereignrouter.gateway.scan.JsonFinding;
import io.sovereignrouter.gateway.scan.LeakAction;
import io.sovereignrouter.gateway.scan.ScanVerdict;
import io.sovereignrouter.gateway.scan.TenantScanners;
import io.sovereignrouter.gateway.tenancy.TenantSettings;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage 2: scans every text the provider would see before any provider call. Findings are counted
 * for the attestation and recorded as one audit-log entry per request (rule, JSON location, keyed
 * fingerprint — never the secret). Large bodies are scanned on a worker thread.
 */
public final class LeakScanStage {
  private static final Logger LOG = LoggerFactory.getLogger(LeakScanStage.class);

  /** Bodies up to this size are scanned on the event loop (well under a millisecond). */
  static final int INLINE_LIMIT = 16 * 1024;

  private final TenantScanners scanners;
  private final AuditEvents events;
  private final GatewayMetrics metrics;

  private LeakScanStage(TenantScanners scanners, AuditEvents events, GatewayMetrics metrics) {
    this.scanners = scanners;
    this.metrics = metrics;
    this.events = events;
  }

  /**
   * @param scanners the request scanner of each tenant
   * @param events where findings are recorded
   * @param metrics counts findings per rule
   */
  public static LeakScanStage create(
      TenantScanners scanners, AuditEvents events, GatewayMetrics metrics) {
    return new LeakScanStage(scanners, events, metrics);
  }

  /**
   * Scans {@code body}: completes with the body the provider may see (redacted when the action says
   * so), or fails with 400 {@code credential_leak} when the action is {@code block}. The action is
   * the calling tenant's {@code leak_scan_action}.
   */
  Future<JsonObject> apply(RoutingContext ctx, JsonObject body) {
    TenantSettings settings = RequestState.of(ctx).caller().orElseThrow().tenant().settings();
    LeakAction action = settings.leakScanAction();
    ChatRequestScanner scanner = scanners.scanner(settings.scan());
    Future<ScanVerdict> verdict =
        ctx.body().length() <= INLINE_LIMIT
            ? Future.succeededFuture(scanner.scan(body, action))
            : ctx.vertx().executeBlocking(() -> scanner.scan(body, action), false);
    long started = System.nanoTime();
    return verdict
        .onComplete(done -> RequestState.of(ctx).stage("leak_scan", started))
        .compose(v -> outcome(ctx, body, v));
  }

  private Future<JsonObject> outcome(RoutingContext ctx, JsonObject body, ScanVerdict verdict) {
    RequestState state = RequestState.of(ctx);
    if (!verdict.findings().isEmpty()) {
      state.leakFindings(verdict.findings().size());
      record(ctx, state, verdict);
    }
    return switch (verdict) {
      case ScanVerdict.Clean c -> Future.succeededFuture(body);
      case ScanVerdict.Logged l -> Future.succeededFuture(body);
      case ScanVerdict.Redacted r -> Future.succeededFuture(r.body());
      case ScanVerdict.Blocked b ->
          Future.failedFuture(ApiException.invalid(b.message(), null, "credential_leak"));
    };
  }

  /** The action that produced {@code verdict} (a clean verdict ran under any; it is not logged). */
  private static LeakAction action(ScanVerdict verdict) {
    return switch (verdict) {
      case ScanVerdict.Clean c -> LeakAction.LOG;
      case ScanVerdict.Logged l -> LeakAction.LOG;
      case ScanVerdict.Redacted r -> LeakAction.REDACT;
      case ScanVerdict.Blocked b -> LeakAction.BLOCK;
    };
  }

  private void record(RoutingContext ctx, RequestState state, ScanVerdict verdict) {
    JsonArray findings = new JsonArray();
    for (JsonFinding f : verdict.findings()) {
      metrics.leakFinding(f.finding().rule());
      findings.add(
          new JsonObject()
              .put("rule", f.finding().rule())
              .put("pointer", f.pointer())
              .put("start", f.finding().start())
              .put("end", f.finding().end())
              .put("fingerprint", f.finding().fingerprint()));
    }
    JsonObject event =
        new JsonObject()
            .put("route_decision_id", state.routeDecisionId())
            .put("tenant_id", state.caller().map(c -> c.tenant().id()).orElse(null))
            .put("action", action(verdict).configValue())
            .put("findings", findings);
    // The attestation carries the count durably; this row adds the details off the request path.
    events
        .record(ctx.vertx(), "leak.findings", event)
        .onFailure(
            e ->
                LOG.warn(
                    "request {}: leak findings not logged: {}", state.requestId(), e.getMessage()));
  }
}
