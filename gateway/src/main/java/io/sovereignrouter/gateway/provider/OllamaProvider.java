package io.sovereignrouter.gateway.provider;

import io.sovereignrouter.gateway.config.TimeoutConfig;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Adapter for Ollama's native API: {@code /api/chat} (NDJSON streaming), {@code /api/embed}, and
 * {@code /api/tags} for model discovery.
 */
public final class OllamaProvider implements ProviderAdapter {
  private final UpstreamHttp http;
  private final Map<String, String> headers;

  /**
   * @param id provider id
   * @param vertx owner of the pooled client
   * @param baseUrl server root, e.g. {@code http://127.0.0.1:11434}
   * @param headers extra static headers (e.g. an auth proxy's)
   * @param timeouts deadlines
   * @param maxConnections pool size
   */
  public OllamaProvider(
      String id,
      Vertx vertx,
      String baseUrl,
      Map<String, String> headers,
      TimeoutConfig timeouts,
      int maxConnections) {
    this.http = new UpstreamHttp(id, vertx, baseUrl, timeouts, maxConnections);
    this.headers = Map.copyOf(headers);
  }

  @Override
  public String id() {
    return http.providerId();
  }

  private MultiMap headers() {
    MultiMap h = MultiMap.caseInsensitiveMultiMap();
    headers.forEach(h::add);
    h.set("Accept", "application/json, application/x-ndjson");
    return h;
  }

  @Override
  public Future<UpstreamReply> chat(UpstreamCall call) {
    JsonObject body =
        OllamaTranslation.chatRequest(call.body(), call.body().getString("model"), false);
    return http.withDeadline(
            call,
            abort ->
                http.postJson("/api/chat", headers(), body, false, call, abort)
                    .compose(http::okJson))
        .map(
            reply ->
                UpstreamReply.of(
                    OllamaTranslation.completion(
                        reply, call.clientModel(), shortId(), System.currentTimeMillis() / 1000)));
  }

  @Override
  public Future<StreamSummary> streamChat(UpstreamCall call, ChunkSink sink) {
    JsonObject body =
        OllamaTranslation.chatRequest(call.body(), call.body().getString("model"), true);
    JsonObject options = call.body().getJsonObject("stream_options");
    boolean includeUsage =
        options != null && Boolean.TRUE.equals(options.getValue("include_usage"));
    OllamaStream translator =
        new OllamaStream(id(), call.clientModel(), "chatcmpl-" + shortId(), includeUsage, sink);
    return http.postJson("/api/chat", headers(), body, true, call, call.clientGone())
        .compose(response -> http.expectStream(response, "application/"))
        .compose(
            response ->
                http.readJsonEvents(
                    response, Framing.NDJSON, call, event -> translator.onLine(event)));
  }

  @Override
  public Future<UpstreamReply> embed(UpstreamCall call) {
    JsonObject body = OllamaTranslation.embedRequest(call.body(), call.body().getString("model"));
    boolean base64 = "base64".equals(call.body().getString("encoding_format"));
    return http.withDeadline(
            call,
            abort ->
                http.postJson("/api/embed", headers(), body, false, call, abort)
                    .compose(http::okJson))
        .map(
            reply ->
                UpstreamReply.of(OllamaTranslation.embeddings(reply, call.clientModel(), base64)));
  }

  /** Model names from {@code GET /api/tags}. */
  @Override
  public Future<List<String>> discoverModels(UpstreamCall call) {
    return http.withDeadline(
            call,
            abort ->
                http.send(HttpMethod.GET, "/api/tags", headers(), null, call, abort)
                    .compose(http::okJson))
        .map(
            tags ->
                tags.getJsonArray("models", new JsonArray()).stream()
                    .map(m -> ((JsonObject) m).getString("name"))
                    .filter(name -> name != null && !name.isBlank())
                    .toList());
  }

  private static String shortId() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 24);
  }

  @Override
  public Future<Void> close() {
    return http.close();
  }
}
