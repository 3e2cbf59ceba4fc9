package io.sovereignrouter.gateway.http;

import io.sovereignrouter.gateway.config.ModelConfig;
import io.sovereignrouter.gateway.routing.ModelCatalog;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /v1/models}: the OpenAI model list of every routable model id. */
public final class ModelsHandler implements Handler<RoutingContext> {
  private final Buffer body;

  private ModelsHandler(ModelCatalog catalog) {
    JsonArray data = new JsonArray();
    for (ModelConfig model : catalog.models()) {
      data.add(
          new JsonObject()
              .put("id", model.id())
              .put("object", "model")
              .put("created", catalog.created())
              .put("owned_by", model.ownedBy()));
    }
    // The catalog is immutable, so the answer is rendered once.
    this.body = new JsonObject().put("object", "list").put("data", data).toBuffer();
  }

  static ModelsHandler create(ModelCatalog catalog) {
    return new ModelsHandler(catalog);
  }

  @Override
  public void handle(RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", "application/json").end(body);
  }
}
