package io.sovereignrouter.gateway.http;

import io.sovereignrouter.attestation.FormatException;
import io.sovereignrouter.attestation.SignedCheckpoint;
import io.sovereignrouter.attestation.TilePath;
import io.sovereignrouter.gateway.attest.AuditLog;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves the audit log read-only as C2SP tlog-tiles: {@code /log/checkpoint} and {@code
 * /log/tile/…}, read through the log's store (files or PostgreSQL) on a worker thread. Only
 * canonical tile paths within the published checkpoint are served (a crashed integration may leave
 * newer tiles on disk); full tiles never change and are cacheable forever.
 */
final class LogFilesHandler implements Handler<RoutingContext> {
  private final AuditLog log;

  private LogFilesHandler(AuditLog log) {
    this.log = log;
  }

  static LogFilesHandler create(AuditLog log) {
    return new LogFilesHandler(log);
  }

  @Override
  public void handle(RoutingContext ctx) {
    SignedCheckpoint checkpoint = log.checkpoint();
    String path = ctx.request().path().substring("/log/".length());
    if (path.equals("checkpoint")) {
      ctx.response()
          .putHeader("Content-Type", "text/plain; charset=utf-8")
          .putHeader("Cache-Control", "no-cache")
          .end(Buffer.buffer(checkpoint.bytes()));
      return;
    }
    TilePath tile;
    try {
      tile = TilePath.parse(path);
    } catch (FormatException e) {
      ctx.fail(404);
      return;
    }
    if (!tile.within(checkpoint.checkpoint().size())) {
      ctx.fail(404);
      return;
    }
    log.tile(ctx.vertx(), tile)
        .onSuccess(
            bytes -> {
              if (bytes.isEmpty()) {
                ctx.fail(404);
                return;
              }
              ctx.response()
                  .putHeader("Content-Type", "application/octet-stream")
                  .putHeader(
                      "Cache-Control",
                      tile.full() ? "public, max-age=31536000, immutable" : "no-cache")
                  .end(Buffer.buffer(bytes.get()));
            })
        .onFailure(ctx::fail);
  }
}
