package io.sovereignrouter.gateway.policy;

import io.sovereignrouter.policy.OpaDataApi;
import io.sovereignrouter.policy.PolicyFormatException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link OpaClient} over OPA's REST Data API on Vert.x Web Client. Each call has a deadline
 * covering connect, request and answer. The input is never logged or put into error messages.
 */
public final class WebOpaClient implements OpaClient {
  private final WebClient client;
  private final String base;
  private final long timeoutMs;

  private WebOpaClient(WebClient client, String base, long timeoutMs) {
    this.client = client;
    this.base = base;
    this.timeoutMs = timeoutMs;
  }

  /**
   * Creates a client.
   *
   * @param vertx the Vert.x instance
   * @param serverUrl OPA's base URL, e.g. {@code http://127.0.0.1:8181}; a path prefix is kept
   * @param timeout deadline of one evaluation
   * @return the client
   */
  public static WebOpaClient create(Vertx vertx, URI serverUrl, Duration timeout) {
    Objects.requireNonNull(vertx, "vertx");
    long ms = timeout.toMillis();
    if (ms <= 0) {
      throw new IllegalArgumentException("timeout: expected > 0 ms, got " + timeout);
    }
    String base = serverUrl.toString();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    WebClientOptions options =
        new WebClientOptions()
            .setConnectTimeout((int) Math.min(ms, Integer.MAX_VALUE))
            .setUserAgent("sovereign-router-policy")
            // OPA answers small JSON documents; keep connections to it warm.
            .setKeepAlive(true);
    return new WebOpaClient(WebClient.create(vertx, options), base, ms);
  }

  @Override
  public Future<String> evaluate(String path, String inputJson) {
    String requestPath;
    String body;
    try {
      requestPath = OpaDataApi.requestPath(path);
      body = OpaDataApi.formatRequest(inputJson);
    } catch (IllegalArgumentException | PolicyFormatException e) {
      // A bad rule path or input document is a caller bug, not an outage: not a 503.
      return Future.failedFuture(e);
    }
    return client
        .postAbs(base + requestPath)
        // The request timeout fires only while no bytes arrive; the future's bounds the whole call.
        .timeout(timeoutMs)
        .putHeader("Content-Type", "application/json")
        .putHeader("Accept", "application/json")
        .sendBuffer(Buffer.buffer(body))
        .timeout(timeoutMs, TimeUnit.MILLISECONDS)
        .recover(e -> Future.failedFuture(transportFailure(path, e)))
        .compose(response -> result(path, response));
  }

  private Future<String> result(String path, HttpResponse<Buffer> response) {
    if (response.statusCode() != 200) {
      // OPA's error bodies can quote the input; report the status only.
      return Future.failedFuture(
          new PolicyEngineException(
              PolicyEngineException.Kind.STATUS,
              "OPA server " + base + " " + path + ": expected 200, got " + response.statusCode(),
              null));
    }
    Buffer body = response.body();
    try {
      return OpaDataApi.parseResult(body == null ? "" : body.toString())
          .map(Future::succeededFuture)
          .orElseGet(
              () ->
                  Future.failedFuture(
                      new PolicyEngineException(
                          PolicyEngineException.Kind.UNDEFINED,
                          "OPA server "
                              + base
                              + " "
                              + path
                              + ": expected a defined result, got none",
                          null)));
    } catch (PolicyFormatException e) {
      return Future.failedFuture(
          new PolicyEngineException(
              PolicyEngineException.Kind.MALFORMED,
              "OPA server " + base + " " + path + ": " + e.getMessage(),
              e));
    }
  }

  private PolicyEngineException transportFailure(String path, Throwable e) {
    boolean timeout = e instanceof TimeoutException;
    PolicyEngineException.Kind kind =
        timeout ? PolicyEngineException.Kind.TIMEOUT : PolicyEngineException.Kind.UNAVAILABLE;
    String what =
        timeout
            ? "no answer within " + timeoutMs + " ms"
            : (e instanceof ConnectException ? "connection failed: " : "request failed: ")
                + e.getClass().getSimpleName();
    return new PolicyEngineException(kind, "OPA server " + base + " " + path + ": " + what, e);
  }

  @Override
  public Future<Void> close() {
    client.close();
    return Future.succeededFuture();
  }
}
