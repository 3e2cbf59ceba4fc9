package io.sovereignrouter.gateway.http;

import io.sovereignrouter.gateway.attest.AttestationIndexWriter;
import io.sovereignrouter.gateway.attest.Attester;
import io.sovereignrouter.gateway.attest.AuditLog;
import io.sovereignrouter.gateway.routing.FallbackWalk;
import io.sovereignrouter.gateway.routing.ModelCatalog;
import io.sovereignrouter.gateway.storage.SqliteAttestationIndex;
import io.sovereignrouter.gateway.tenancy.Authenticator;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Builds the data-plane router: the one place where the stage handlers are put in order (request id
 * → content type → body → tenant → endpoint) and errors are mapped.
 */
public final class GatewayRoutes {
  private GatewayRoutes() {}

  /**
   * @param vertx owning instance
   * @param authenticator stage 1
   * @param catalog model ids to candidates
   * @param walk the fallback walk
   * @param attester stage 6
   * @param log the audit log served read-only at {@code /log/}
   * @param attestationIndex route decision id → log index
   * @param indexWriter batches index rows
   * @param leakScan stage 2
   * @param bodyLimitBytes larger bodies get 413
   */
  public static Router create(
      Vertx vertx,
      Authenticator authenticator,
      ModelCatalog catalog,
      FallbackWalk walk,
      Attester attester,
      AuditLog log,
      SqliteAttestationIndex attestationIndex,
      AttestationIndexWriter indexWriter,
      LeakScanStage leakScan,
      long bodyLimitBytes) {
    Router router = Router.router(vertx);
    OpenAiFailureHandler failures = OpenAiFailureHandler.create();
    Pipeline pipeline =
        new Pipeline(
            leakScan, new ModelResolver(catalog), walk, new Attestations(attester, indexWriter));
    TenantAuthHandler auth = TenantAuthHandler.create(vertx, authenticator);
    BodyHandler body =
        BodyHandler.create(false).setBodyLimit(bodyLimitBytes).setHandleFileUploads(false);

    router
        .get("/healthz")
        .handler(ctx -> ctx.json(new io.vertx.core.json.JsonObject().put("status", "ok")));
    router
        .get("/readyz")
        .handler(ctx -> ctx.json(new io.vertx.core.json.JsonObject().put("status", "ready")));

    LogFilesHandler logFiles = LogFilesHandler.create(log);
    router.get("/log/checkpoint").handler(logFiles);
    router.get("/log/tile/*").handler(logFiles);
    router.route("/v1/*").handler(RequestIdHandler.create());
    router.get("/v1/models").handler(auth).handler(ModelsHandler.create(catalog));
    router
        .get("/v1/attestations/:route_decision_id")
        .handler(auth)
        .handler(AttestationLookupHandler.create(log, attestationIndex));
    router
        .post("/v1/chat/completions")
        .handler(JsonContentTypeHandler.create())
        .handler(body)
        .handler(auth)
        .handler(ChatCompletionsHandler.create(pipeline));
    router
        .post("/v1/embeddings")
        .handler(JsonContentTypeHandler.create())
        .handler(body)
        .handler(auth)
        .handler(EmbeddingsHandler.create(pipeline));

    router.route().failureHandler(failures);
    router.errorHandler(404, failures);
    router.errorHandler(405, failures);
    router.errorHandler(413, failures);
    router.errorHandler(500, failures);
    return router;
  }
}
