package io.sovereignrouter.gateway.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.SecurityPolicyHandler;

/**
 * Refuses request bodies that are not declared as JSON with 415 before the body is read, so a form
 * post or a file upload never reaches the JSON parser.
 */
public final class JsonContentTypeHandler implements SecurityPolicyHandler {
  private JsonContentTypeHandler() {}

  /** Creates the handler. */
  public static JsonContentTypeHandler create() {
    return new JsonContentTypeHandler();
  }

  @Override
  public void handle(RoutingContext ctx) {
    String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
    String mime = type == null ? "" : type.split(";", 2)[0].trim();
    if (!mime.equalsIgnoreCase("application/json")) {
      String seen = type == null ? "no Content-Type" : "Content-Type '" + mime + "'";
      ctx.fail(
          ApiException.of(
              415,
              "invalid_request_error",
              "Unsupported content type: expected 'application/json', got " + seen + ".",
              null,
              "unsupported_content_type"));
      return;
    }
    ctx.next();
  }
}
