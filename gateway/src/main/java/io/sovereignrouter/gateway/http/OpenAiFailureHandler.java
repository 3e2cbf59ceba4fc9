package io.sovereignrouter.gateway.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place errors become HTTP: {@link ApiException}s are answered as they say, router failures
 * (404, 405, 413 …) get the OpenAI error shape, anything else is our bug: 500 with a generic
 * message and the stack trace in the log under the request id.
 */
public final class OpenAiFailureHandler implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger(OpenAiFailureHandler.class);

  private OpenAiFailureHandler() {}

  /** Creates the handler. */
  public static OpenAiFailureHandler create() {
    return new OpenAiFailureHandler();
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerResponse response = ctx.response();
    if (response.headWritten() || response.ended() || response.closed()) {
      return;
    }
    ApiException error = toApiException(ctx);
    if (error.status() >= 500 && !(ctx.failure() instanceof ApiException)) {
      LOG.error("request {} failed", requestId(ctx), ctx.failure());
    }
    error.headers().forEach(response::putHeader);
    response
        .setStatusCode(error.status())
        .putHeader("Content-Type", "application/json")
        .end(error.body());
  }

  static ApiException toApiException(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure instanceof ApiException api) {
      return api;
    }
    if (failure != null && !(failure instanceof io.vertx.ext.web.handler.HttpException)) {
      return ApiException.of(
          500,
          "server_error",
          "The server had an error while processing your request (request id "
              + requestId(ctx)
              + ").",
          null,
          "internal_error");
    }
    int status =
        failure instanceof io.vertx.ext.web.handler.HttpException http
            ? http.getStatusCode()
            : ctx.statusCode();
    return switch (status) {
      case 404 ->
          ApiException.of(
              404,
              "invalid_request_error",
              "Invalid URL (" + ctx.request().method() + " " + ctx.request().path() + ").",
              null,
              "unknown_url");
      case 405 ->
          ApiException.of(
              405,
              "invalid_request_error",
              "Method "
                  + ctx.request().method()
                  + " is not allowed on "
                  + ctx.request().path()
                  + ".",
              null,
              "method_not_allowed");
      case 413 ->
          ApiException.of(
              413,
              "invalid_request_error",
              "The request body is larger than this gateway accepts.",
              null,
              "request_too_large");
      case 400 -> ApiException.invalid("The request could not be read.", null, "bad_request");
      default ->
          status >= 400 && status < 500
              ? ApiException.of(
                  status, "invalid_request_error", "The request was rejected.", null, null)
              : ApiException.of(
                  500,
                  "server_error",
                  "The server had an error while processing your request.",
                  null,
                  "internal_error");
    };
  }

  private static String requestId(RoutingContext ctx) {
    String id = ctx.response().headers().get(RequestIdHandler.HEADER);
    return id == null ? "-" : id;
  }
}
