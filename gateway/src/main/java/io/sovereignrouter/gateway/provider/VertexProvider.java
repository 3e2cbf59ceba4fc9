package io.sovereignrouter.gateway.provider;

import io.sovereignrouter.gateway.config.GcpConfig;
import io.sovereignrouter.gateway.config.TimeoutConfig;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/**
 * Adapter for Vertex AI: Gemini {@code generateContent} / {@code streamGenerateContent} and, for
 * {@code claude-*} models, Anthropic-on-Vertex {@code rawPredict} / {@code streamRawPredict}.
 * Requests carry an OAuth2 bearer minted from a service-account JSON by google-auth-library.
 */
public final class VertexProvider implements ProviderAdapter {
  /** The Anthropic API version Vertex expects in rawPredict bodies. */
  static final String ANTHROPIC_VERTEX_VERSION = "vertex-2023-10-16";

  private final UpstreamHttp http;
  private final GoogleAccessTokens tokens;
  private final GcpConfig gcp;

  VertexProvider(
      String id,
      Vertx vertx,
      String baseUrl,
      GcpConfig gcp,
      GoogleAccessTokens tokens,
      TimeoutConfig timeouts,
      int maxConnections) {
    this.http = new UpstreamHttp(id, vertx, baseUrl, timeouts, maxConnections);
    this.gcp = gcp;
    this.tokens = tokens;
  }

  @Override
  public String id() {
    return http.providerId();
  }

  private static boolean isClaude(String model) {
    return model.startsWith("claude");
  }

  private String path(String model, String method) {
    String publisher = isClaude(model) ? "anthropic" : "google";
    return "/v1/projects/"
        + gcp.project()
        + "/locations/"
        + gcp.location()
        + "/publishers/"
        + publisher
        + "/models/"
        + model
        + ":"
        + method;
  }

  private Future<JsonObject> body(UpstreamCall call, boolean stream) {
    String model = call.body().getString("model");
    if (!isClaude(model)) {
      return Future.succeededFuture(GeminiTranslation.request(call.body()));
    }
    AnthropicRequests.Translation t = AnthropicRequests.translate(call.body(), model, stream);
    if (t.request().isEmpty()) {
      return Future.failedFuture(ProviderFailure.unsupported(id(), t.reason(), t.param()));
    }
    JsonObject request = t.request().get();
    request.remove("model");
    return Future.succeededFuture(request.put("anthropic_version", ANTHROPIC_VERTEX_VERSION));
  }

  private Future<HttpClientResponse> post(UpstreamCall call, boolean stream, Future<Void> abort) {
    String model = call.body().getString("model");
    String method =
        isClaude(model)
            ? (stream ? "streamRawPredict" : "rawPredict")
            : (stream ? "streamGenerateContent?alt=sse" : "generateContent");
    return body(call, stream)
        .compose(
            body ->
                tokens
                    .token()
                    .compose(
                        token -> {
                          MultiMap headers =
                              MultiMap.caseInsensitiveMultiMap()
                                  .set("Authorization", "Bearer " + token);
                          return http.postJson(
                              path(model, method), headers, body, stream, call, abort);
                        }));
  }

  @Override
  public Future<UpstreamReply> chat(UpstreamCall call) {
    boolean claude = isClaude(call.body().getString("model"));
    long created = System.currentTimeMillis() / 1000;
    return http.withDeadline(call, abort -> post(call, false, abort).compose(http::okJson))
        .map(
            reply ->
                UpstreamReply.of(
                    (claude
                        ? AnthropicReplies.completion(reply, call.clientModel(), created)
                        : GeminiTranslation.completion(
                            reply, call.clientModel(), shortId(), created))));
  }

  @Override
  public Future<StreamSummary> streamChat(UpstreamCall call, ChunkSink sink) {
    JsonObject options = call.body().getJsonObject("stream_options");
    boolean includeUsage =
        options != null && Boolean.TRUE.equals(options.getValue("include_usage"));
    boolean claude = isClaude(call.body().getString("model"));
    AnthropicStream anthropic = new AnthropicStream(id(), call.clientModel(), includeUsage, sink);
    GeminiStream gemini =
        new GeminiStream(call.clientModel(), "chatcmpl-" + shortId(), includeUsage, sink);
    return post(call, true, call.clientGone())
        .compose(response -> http.expectStream(response, "text/event-stream"))
        .compose(
            response ->
                http.readJsonEvents(
                    response,
                    Framing.SSE,
                    call,
                    event -> claude ? anthropic.onEvent(event) : gemini.onChunk(event)));
  }

  @Override
  public Future<UpstreamReply> embed(UpstreamCall call) {
    return Future.failedFuture(
        ProviderFailure.unsupported(
            id(), "this gateway's vertex adapter serves chat models only", "model"));
  }

  private static String shortId() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 24);
  }

  @Override
  public Future<Void> close() {
    return http.close();
  }
}
