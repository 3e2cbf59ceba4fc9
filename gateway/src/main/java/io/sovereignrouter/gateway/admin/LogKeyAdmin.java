package io.sovereignrouter.gateway.admin;

import io.sovereignrouter.attestation.NoteVerifierKey;
import io.sovereignrouter.gateway.attest.AuditEvents;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The audit log's signing key: {@code POST /admin/v1/log/key/rotate} switches to a new key online.
 * The rotation record in the log is the audit row (signed by both keys), so the reply names its
 * index like every audited change.
 */
final class LogKeyAdmin {
  private final AuditEvents events;

  LogKeyAdmin(AuditEvents events) {
    this.events = events;
  }

  void mount(Router router) {
    router.post("/admin/v1/log/key/rotate").handler(this::rotate);
  }

  private void rotate(RoutingContext ctx) {
    AdminReplies.reply(
        ctx,
        201,
        () ->
            events
                .rotateLogKey(ctx.vertx())
                .map(
                    r -> {
                      JsonArray keys = new JsonArray();
                      r.keys().keys().stream().map(NoteVerifierKey::format).forEach(keys::add);
                      return new JsonObject()
                          .put("log_index", r.logIndex())
                          .put("previous_key", r.previous().format())
                          .put("new_key", r.next().format())
                          .put("log_keys", keys);
                    })
                .recover(
                    e ->
                        e instanceof IllegalStateException
                            ? io.vertx.core.Future.failedFuture(
                                AdminProblem.conflict(e.getMessage()))
                            : io.vertx.core.Future.failedFuture(e)));
  }
}
