package io.sovereignrouter.gateway.http;

import io.sovereignrouter.gateway.routing.ModelCatalog;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.function.Supplier;

/**
 * Builds the data-plane router: the one place where the stage handlers are put in order (request id
 * → content type → body → tenant → endpoint) and errors are mapped.
 */
public final class GatewayRoutes {
  private GatewayRoutes() {}

  /**
   * @param vertx owning instance
   * @param plane the stages and stores the routes use
   */
  public static Router create(Vertx vertx, DataPlane plane) {
    Router router = Router.router(vertx);
    OpenAiFailureHandler failures = OpenAiFailureHandler.create();
    Supplier<ModelCatalog> catalog = plane.catalog();
    Pipeline pipeline =
        new Pipeline(
            new AdmissionStage(plane.ledger(), plane.limiter()),
            plane.leakScan(),
            new PolicyStage(
                plane.policy().evaluator(),
                plane.policy().knownPolicies(),
                plane.policy().health(),
                plane.policy().witnesses()),
            new ModelResolver(catalog),
            plane.walk(),
            new Attestations(plane.attester(), plane.indexWriter()));
    TenantAuthHandler auth = TenantAuthHandler.create(plane.authenticator());
    BodyHandler body =
        BodyHandler.create(false).setBodyLimit(plane.bodyLimitBytes()).setHandleFileUploads(false);

    router
        .get("/healthz")
        .handler(ctx -> ctx.json(new io.vertx.core.json.JsonObject().put("status", "ok")));
    router
        .get("/readyz")
        .handler(ctx -> ctx.json(new io.vertx.core.json.JsonObject().put("status", "ready")));

    LogFilesHandler logFiles = LogFilesHandler.create(plane.log());
    router.get("/log/checkpoint").handler(logFiles);
    router.get("/log/tile/*").handler(logFiles);
    router.route("/v1/*").handler(RequestIdHandler.create());
    router.get("/v1/models").handler(auth).handler(ModelsHandler.create(catalog));
    router
        .get("/v1/attestations/:route_decision_id")
        .handler(auth)
        .handler(AttestationLookupHandler.create(plane.log(), plane.attestationIndex()));
    router
        .post("/v1/chat/completions")
        .handler(JsonContentTypeHandler.create())
        .handler(body)
        .handler(auth)
        .handler(ChatCompletionsHandler.create(pipeline));
    router
        .post("/v1/estimate")
        .handler(JsonContentTypeHandler.create())
        .handler(body)
        .handler(auth)
        .handler(EstimateHandler.create(pipeline.resolver(), plane.ledger()));
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
