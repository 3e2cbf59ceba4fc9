package io.sovereignrouter.gateway.http;

import io.sovereignrouter.gateway.config.ModelConfig;
import io.sovereignrouter.gateway.routing.ModelCatalog;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Supplier;

/** {@code GET /v1/models}: the OpenAI model list of every routable model id. */
public final class ModelsHandler implements Handler<RoutingContext> {
  private final Supplier<ModelCatalog> catalog;

  /** The last catalog rendered and its answer: catalogs are immutable, so each renders once. */
  private record Rendered(ModelCatalog catalog, Buffer body) {}

  private volatile Rendered rendered;

  private ModelsHandler(Supplier<ModelCatalog> catalog) {
    this.catalog = catalog;
  }

  static ModelsHandler create(Supplier<ModelCatalog> catalog) {
    return new ModelsHandler(catalog);
  }

  @Override
  public void handle(RoutingContext ctx) {
    ModelCatalog current = catalog.get();
    Rendered r = rendered;
    if (r == null || r.catalog() != current) {
      r = new Rendered(current, render(current));
      rendered = r;
    }
    ctx.response().putHeader("Content-Type", "application/json").end(r.body());
  }

  private static Buffer render(ModelCatalog catalog) {
    JsonArray data = new JsonArray();
    for (ModelConfig model : catalog.models()) {
      data.add(
          new JsonObject()
              .put("id", model.id())
              .put("object", "model")
              .put("created", catalog.created())
              .put("owned_by", model.ownedBy()));
    }
    return new JsonObject().put("object", "list").put("data", data).toBuffer();
  }
}
