package io.sovereignrouter.gateway.provider;

import io.sovereignrouter.gateway.config.TimeoutConfig;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * Adapter for Anthropic's Messages API ({@code POST /v1/messages}, {@code x-api-key}, {@code
 * anthropic-version}), translating OpenAI chat requests and replies both ways, streams included.
 * Anthropic has no embeddings endpoint.
 */
public final class AnthropicProvider implements ProviderAdapter {
  /** The Messages API version this adapter speaks. */
  static final String API_VERSION = "2023-06-01";

  private final UpstreamHttp http;
  private final String apiKey;
  private final Map<String, String> headers;

  /**
   * @param id provider id
   * @param vertx owner of the pooled client
   * @param baseUrl API root, e.g. {@code https://api.anthropic.com}
   * @param apiKey the {@code x-api-key} credential
   * @param headers extra static headers (e.g. {@code anthropic-beta})
   * @param timeouts deadlines
   * @param maxConnections pool size
   */
  public AnthropicProvider(
      String id,
      Vertx vertx,
      String baseUrl,
      String apiKey,
      Map<String, String> headers,
      TimeoutConfig timeouts,
      int maxConnections) {
    this.http = new UpstreamHttp(id, vertx, baseUrl, timeouts, maxConnections);
    this.apiKey = apiKey;
    this.headers = Map.copyOf(headers);
  }

  @Override
  public String id() {
    return http.providerId();
  }

  private MultiMap headers() {
    MultiMap h = MultiMap.caseInsensitiveMultiMap();
    headers.forEach(h::add);
    h.set("x-api-key", apiKey);
    h.set("anthropic-version", API_VERSION);
    return h;
  }

  private Future<JsonObject> request(UpstreamCall call, boolean stream) {
    AnthropicRequests.Translation t =
        AnthropicRequests.translate(call.body(), call.body().getString("model"), stream);
    if (t.request().isEmpty()) {
      return Future.failedFuture(ProviderFailure.unsupported(id(), t.reason(), t.param()));
    }
    return Future.succeededFuture(t.request().get());
  }

  @Override
  public Future<UpstreamReply> chat(UpstreamCall call) {
    return request(call, false)
        .compose(
            body ->
                http.withDeadline(
                    call,
                    abort ->
                        http.postJson("/v1/messages", headers(), body, false, call, abort)
                            .compose(http::okJson)))
        .map(
            message ->
                UpstreamReply.of(
                    AnthropicReplies.completion(
                        message, call.clientModel(), System.currentTimeMillis() / 1000)));
  }

  @Override
  public Future<StreamSummary> streamChat(UpstreamCall call, ChunkSink sink) {
    JsonObject options = call.body().getJsonObject("stream_options");
    boolean includeUsage =
        options != null && Boolean.TRUE.equals(options.getValue("include_usage"));
    AnthropicStream translator = new AnthropicStream(id(), call.clientModel(), includeUsage, sink);
    return request(call, true)
        .compose(
            body -> http.postJson("/v1/messages", headers(), body, true, call, call.clientGone()))
        .compose(response -> http.expectStream(response, "text/event-stream"))
        .compose(
            response ->
                http.readJsonEvents(
                    response, Framing.SSE, call, event -> translator.onEvent(event)));
  }

  @Override
  public Future<UpstreamReply> embed(UpstreamCall call) {
    return Future.failedFuture(
        ProviderFailure.unsupported(id(), "Anthropic provides no embeddings endpoint", "model"));
  }

  /** Model ids from {@code GET /v1/models}. */
  @Override
  public Future<java.util.List<String>> discoverModels(UpstreamCall call) {
    return http.withDeadline(
            call,
            abort ->
                http.send(
                        io.vertx.core.http.HttpMethod.GET,
                        "/v1/models?limit=1000",
                        headers(),
                        null,
                        call,
                        abort)
                    .compose(http::okJson))
        .map(
            list ->
                list.getJsonArray("data", new io.vertx.core.json.JsonArray()).stream()
                    .map(m -> ((JsonObject) m).getString("id"))
                    .filter(modelId -> modelId != null && !modelId.isBlank())
                    .toList());
  }

  @Override
  public Future<Void> close() {
    return http.close();
  }
}
