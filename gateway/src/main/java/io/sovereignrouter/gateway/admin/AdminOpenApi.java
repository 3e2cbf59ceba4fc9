package io.sovereignrouter.gateway.admin;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Serves the admin API's OpenAPI 3.1 description, the contract the SDK and tests check. */
final class AdminOpenApi {
  /** Classpath resource of the spec. */
  static final String RESOURCE = "/admin/openapi.yaml";

  private static final Buffer SPEC = load();

  private AdminOpenApi() {}

  static void serve(RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", "application/yaml").end(SPEC);
  }

  private static Buffer load() {
    try (InputStream in = AdminOpenApi.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " missing from the jar");
      }
      return Buffer.buffer(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
