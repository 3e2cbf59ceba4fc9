package io.sovereignrouter.gateway.provider;

import io.sovereignrouter.gateway.config.TimeoutConfig;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Optional;

/**
 * Adapter for any server speaking the OpenAI HTTP API (OpenAI, vLLM, LM Studio, …). Request bodies
 * pass through unchanged apart from {@code model}, so fields this gateway does not know still reach
 * the provider; replies are forwarded byte for byte.
 */
public final class OpenAiCompatibleProvider implements ProviderAdapter {
  private final UpstreamHttp http;
  private final Optional<String> apiKey;
  private final Map<String, String> headers;

  /**
   * @param id provider id
   * @param vertx owner of the pooled client
   * @param baseUrl API root including the version segment
   * @param apiKey bearer credential, when the upstream needs one
   * @param headers extra static headers (e.g. {@code OpenAI-Organization}, {@code OpenAI-Project})
   * @param timeouts deadlines
   * @param maxConnections pool size per upstream host
   */
  public OpenAiCompatibleProvider(
      String id,
      Vertx vertx,
      String baseUrl,
      Optional<String> apiKey,
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
    apiKey.ifPresent(key -> h.set(HttpHeaders.AUTHORIZATION, "Bearer " + key));
    return h;
  }

  @Override
  public Future<UpstreamReply> chat(UpstreamCall call) {
    return relayJson("/chat/completions", call);
  }

  @Override
  public Future<UpstreamReply> embed(UpstreamCall call) {
    return relayJson("/embeddings", call);
  }

  private Future<UpstreamReply> relayJson(String path, UpstreamCall call) {
    return http.withDeadline(
        call,
        abort ->
            http.postJson(path, headers(), call.body(), false, call, abort)
                .compose(http::okBody)
                .compose(
                    body ->
                        http.parseObject(body.toString())
                            .map(parsed -> new UpstreamReply(body, parsed))));
  }

  @Override
  public Future<StreamSummary> streamChat(UpstreamCall call, ChunkSink sink) {
    return http.postJson("/chat/completions", headers(), call.body(), true, call, call.clientGone())
        .compose(response -> http.expectStream(response, "text/event-stream"))
        .compose(response -> relay(response, sink, call));
  }

  private Future<StreamSummary> relay(
      HttpClientResponse response, ChunkSink sink, UpstreamCall call) {
    return http.readEvents(
        response,
        Framing.SSE,
        call,
        data -> {
          if (data.equals("[DONE]")) {
            return new StreamStep.Done();
          }
          if (!isJsonObject(data)) {
            return new StreamStep.Fail(
                ProviderFailure.protocol(id(), "malformed stream chunk (not a JSON object)"));
          }
          return new StreamStep.Continue(sink.send(data));
        });
  }

  private static boolean isJsonObject(String data) {
    try {
      return Json.decodeValue(data) instanceof JsonObject;
    } catch (DecodeException e) {
      return false;
    }
  }

  /** Model ids from {@code GET /models} (OpenAI, vLLM). */
  @Override
  public Future<java.util.List<String>> discoverModels(UpstreamCall call) {
    return http.withDeadline(
            call,
            abort ->
                http.send(
                        io.vertx.core.http.HttpMethod.GET, "/models", headers(), null, call, abort)
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
