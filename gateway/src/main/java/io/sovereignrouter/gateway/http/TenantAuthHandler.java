package io.sovereignrouter.gateway.http;

import io.sovereignrouter.gateway.tenancy.Authentication;
import io.sovereignrouter.gateway.tenancy.Authentication.Authenticated;
import io.sovereignrouter.gateway.tenancy.Authentication.Rejected;
import io.sovereignrouter.gateway.tenancy.Authenticator;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.AuthenticationHandler;
import java.util.Optional;

/**
 * Stage 1: resolves the bearer key to a tenant and answers 401/403 in the OpenAI shape. The key
 * itself never appears in an error or log.
 */
public final class TenantAuthHandler implements AuthenticationHandler {
  private final Authenticator authenticator;

  private TenantAuthHandler(Authenticator authenticator) {
    this.authenticator = authenticator;
  }

  /**
   * @param authenticator stage-1 core
   */
  public static TenantAuthHandler create(Authenticator authenticator) {
    return new TenantAuthHandler(authenticator);
  }

  @Override
  public void handle(RoutingContext ctx) {
    Optional<String> header =
        Optional.ofNullable(ctx.request().getHeader(HttpHeaders.AUTHORIZATION));
    long started = System.nanoTime();
    authenticator
        .authenticate(header)
        .onComplete(
            ar -> {
              RequestState.of(ctx).stage("auth", started);
              if (ar.failed()) {
                ctx.fail(ar.cause());
                return;
              }
              switch (ar.result()) {
                case Authenticated ok -> {
                  RequestState.of(ctx).caller(ok);
                  ctx.next();
                }
                case Rejected rejected -> ctx.fail(rejection(rejected.reason()));
              }
            });
  }

  private static ApiException rejection(Authentication.RejectReason reason) {
    return switch (reason) {
      case MISSING ->
          ApiException.of(
              401,
              "invalid_request_error",
              "You didn't provide an API key. You need to provide your API key in an Authorization header using"
                  + " Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
              null,
              "missing_api_key");
      case INVALID ->
          ApiException.of(
              401,
              "invalid_request_error",
              "Incorrect API key provided. Ask your SovereignRouter operator for a valid sk-router key.",
              null,
              "invalid_api_key");
      case REVOKED ->
          ApiException.of(
              401,
              "invalid_request_error",
              "This API key has been revoked.",
              null,
              "revoked_api_key");
      case TENANT_SUSPENDED ->
          ApiException.of(
              403,
              "permission_error",
              "This tenant is suspended. Contact your SovereignRouter operator.",
              null,
              "tenant_suspended");
    };
  }
}
