package io.sovereignrouter.gateway.provider;

import io.sovereignrouter.gateway.config.TimeoutConfig;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Adapter for AWS Bedrock Runtime: {@code Converse} and {@code ConverseStream} (binary AWS
 * event-stream framing), every request SigV4-signed by the AWS SDK v2 signer with the provider's
 * region and credentials (session token included when configured). No embeddings here.
 */
public final class BedrockProvider implements ProviderAdapter {
  private final UpstreamHttp http;
  private final String baseUrl;
  private final SigV4Signer signer;

  /**
   * @param id provider id
   * @param vertx owner of the pooled client
   * @param baseUrl endpoint, e.g. {@code https://bedrock-runtime.us-east-1.amazonaws.com}
   * @param signer signs with the provider's region and credentials
   * @param timeouts deadlines
   * @param maxConnections pool size
   */
  BedrockProvider(
      String id,
      Vertx vertx,
      String baseUrl,
      SigV4Signer signer,
      TimeoutConfig timeouts,
      int maxConnections) {
    this.http = new UpstreamHttp(id, vertx, baseUrl, timeouts, maxConnections);
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.signer = signer;
  }

  @Override
  public String id() {
    return http.providerId();
  }

  private Future<HttpClientResponse> post(String operation, UpstreamCall call, Future<Void> abort) {
    String model =
        URLEncoder.encode(call.body().getString("model"), StandardCharsets.UTF_8)
            .replace("+", "%20");
    String path = "/model/" + model + "/" + operation;
    byte[] body = BedrockConverse.request(call.body()).toBuffer().getBytes();
    MultiMap headers = signer.signPost(URI.create(baseUrl + path), "application/json", body);
    headers.set(
        "Accept",
        operation.equals("converse-stream")
            ? "application/vnd.amazon.eventstream"
            : "application/json");
    headers.set("X-Request-Id", call.requestId());
    return http.send(HttpMethod.POST, path, headers, Buffer.buffer(body), call, abort);
  }

  @Override
  public Future<UpstreamReply> chat(UpstreamCall call) {
    return http.withDeadline(call, abort -> post("converse", call, abort).compose(http::okJson))
        .map(
            reply ->
                UpstreamReply.of(
                    BedrockConverse.completion(
                        reply, call.clientModel(), shortId(), System.currentTimeMillis() / 1000)));
  }

  @Override
  public Future<StreamSummary> streamChat(UpstreamCall call, ChunkSink sink) {
    JsonObject options = call.body().getJsonObject("stream_options");
    boolean includeUsage =
        options != null && Boolean.TRUE.equals(options.getValue("include_usage"));
    BedrockStream translator =
        new BedrockStream(id(), call.clientModel(), "chatcmpl-" + shortId(), includeUsage, sink);
    return post("converse-stream", call, call.clientGone())
        .compose(response -> http.expectStream(response, "application/vnd.amazon.eventstream"))
        .compose(
            response ->
                http.readJsonEvents(
                    response, Framing.AWS_EVENT_STREAM, call, event -> translator.onEvent(event)));
  }

  @Override
  public Future<UpstreamReply> embed(UpstreamCall call) {
    return Future.failedFuture(
        ProviderFailure.unsupported(
            id(), "this gateway's bedrock adapter serves chat models only", "model"));
  }

  private static String shortId() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 24);
  }

  @Override
  public Future<Void> close() {
    return http.close();
  }
}
