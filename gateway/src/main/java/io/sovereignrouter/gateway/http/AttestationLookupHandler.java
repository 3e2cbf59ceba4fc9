package io.sovereignrouter.gateway.http;

import io.sovereignrouter.gateway.attest.AuditLog;
import io.sovereignrouter.gateway.storage.AttestationIndex;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /v1/attestations/{route_decision_id}}: the attestation of one of the caller's requests
 * with an inclusion proof against the log's current checkpoint. Another tenant's id answers 404,
 * exactly like an unknown one.
 */
final class AttestationLookupHandler implements Handler<RoutingContext> {
  private final AuditLog log;
  private final AttestationIndex index;

  private AttestationLookupHandler(AuditLog log, AttestationIndex index) {
    this.log = log;
    this.index = index;
  }

  static AttestationLookupHandler create(AuditLog log, AttestationIndex index) {
    return new AttestationLookupHandler(log, index);
  }

  @Override
  public void handle(RoutingContext ctx) {
    String id = ctx.pathParam("route_decision_id");
    String tenant = RequestState.of(ctx).caller().orElseThrow().tenant().id();
    index
        .find(id)
        .compose(
            entry ->
                ctx.vertx()
                    .executeBlocking(
                        () ->
                            entry
                                .filter(e -> e.tenantId().equals(tenant))
                                .map(e -> log.describe(e.logIndex())),
                        false))
        .onSuccess(
            found ->
                found.ifPresentOrElse(
                    attestation ->
                        ctx.response()
                            .putHeader("Content-Type", "application/json")
                            .end(attestation.toBuffer()),
                    () ->
                        ctx.fail(
                            ApiException.of(
                                404,
                                "invalid_request_error",
                                "No attestation '" + id + "' for this tenant.",
                                "route_decision_id",
                                "attestation_not_found"))))
        .onFailure(ctx::fail);
  }
}
