package io.sovereignrouter.sdk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sovereignrouter.sdk.internal.AttestationCodec;
import io.sovereignrouter.sdk.internal.ChunkReader;
import io.sovereignrouter.sdk.internal.Decoders;
import io.sovereignrouter.sdk.internal.HttpLogSource;
import io.sovereignrouter.sdk.internal.Json;
import io.sovereignrouter.sdk.internal.Transport;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.ThreadFactory;

/**
 * Client for the gateway's data plane: chat completions (blocking, asynchronous, streamed),
 * embeddings, models, attestation lookup and the public log. Thread-safe; build one per gateway and
 * tenant key.
 *
 * <pre>{@code
 * SovereignClient client = SovereignClient.builder()
 *     .baseUrl("http://127.0.0.1:8080").apiKey(System.getenv("SOVEREIGN_API_KEY")).build();
 * ChatCompletion resp = client.chat(ChatRequest.of("mock-chat", ChatMessage.user("Hello")),
 *     RequestOptions.defaults().withPolicy("clinical-strict"));
 * System.out.println(resp.attestation().rekorIndex() + " " + resp.attestation().providerId());
 * }</pre>
 */
public final class SovereignClient {
  private static final String STREAM_EVENT_HEADER = "X-SF-Attestation-Event";
  private final Transport transport;
  private final HttpClient http;
  private final Duration timeout;
  private final Executor executor;

  private SovereignClient(Builder b) {
    this.http = b.http != null ? b.http : defaultHttpClient();
    this.timeout = b.timeout;
    this.transport = new Transport(http, b.baseUrl, b.apiKey, b.timeout, b.retry);
    ThreadFactory threads = Thread.ofVirtual().name("sovereign-stream-", 0).factory();
    this.executor = b.executor != null ? b.executor : r -> threads.newThread(r).start();
  }

  /**
   * A builder; {@link Builder#baseUrl} and {@link Builder#apiKey} are required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  static HttpClient defaultHttpClient() {
    // HTTP/1.1: the JDK client's h2c upgrade attempt on plain http buys nothing on loopback.
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  /**
   * Creates a chat completion.
   *
   * @param request the request
   * @return the completion with its attestation
   * @throws ApiException on an error answer (after retries)
   * @throws SovereignException on connection or protocol failure
   */
  public ChatCompletion chat(ChatRequest request) {
    return chat(request, RequestOptions.defaults());
  }

  /**
   * Creates a chat completion with per-request options (policy, request id, …).
   *
   * @param request the request
   * @param options per-request options
   * @return the completion with its attestation
   * @throws ApiException on an error answer (after retries)
   * @throws SovereignException on connection or protocol failure
   */
  public ChatCompletion chat(ChatRequest request, RequestOptions options) {
    return Transport.join(chatAsync(request, options));
  }

  /**
   * Creates a chat completion without blocking.
   *
   * @param request the request
   * @return completes with the completion, or fails with a {@link SovereignException}
   */
  public CompletableFuture<ChatCompletion> chatAsync(ChatRequest request) {
    return chatAsync(request, RequestOptions.defaults());
  }

  /**
   * Creates a chat completion without blocking, with per-request options.
   *
   * @param request the request
   * @param options per-request options
   * @return completes with the completion, or fails with a {@link SovereignException}
   */
  public CompletableFuture<ChatCompletion> chatAsync(ChatRequest request, RequestOptions options) {
    byte[] body = chatBody(request, false);
    return transport
        .sendAsync("POST", "/v1/chat/completions", body, options)
        .thenApply(reply -> Decoders.chatCompletion(reply, body));
  }

  /**
   * Streams a chat completion, read on the calling thread; retried only before the first byte.
   *
   * @param request the request
   * @return the open stream (close it)
   * @throws ApiException on an error answer before the stream started
   */
  public ChatStream stream(ChatRequest request) {
    return stream(request, RequestOptions.defaults());
  }

  /**
   * Streams a chat completion with per-request options.
   *
   * @param request the request
   * @param options per-request options
   * @return the open stream (close it)
   * @throws ApiException on an error answer before the stream started
   */
  public ChatStream stream(ChatRequest request, RequestOptions options) {
    byte[] body = chatBody(request, true);
    // The named event leaves every chunk as the provider sent it; the reader accepts both forms.
    RequestOptions named =
        options.headers().containsKey(STREAM_EVENT_HEADER)
            ? options
            : options.withHeader(STREAM_EVENT_HEADER, "1");
    return new ChatStream(
        new ChunkReader(transport.open("/v1/chat/completions", body, named), body));
  }

  /**
   * Streams a chat completion as a {@link Flow.Publisher}: chunks, then one {@link
   * ChatStreamEvent.Completed} with the attestation, then {@code onComplete}; or {@code onError}
   * with a {@link SovereignException}. Each subscription sends its own request; demand is honoured
   * (the connection is read only as fast as the subscriber requests), and cancelling closes the
   * connection.
   *
   * @param request the request
   * @param options per-request options
   * @return a cold publisher
   */
  public Flow.Publisher<ChatStreamEvent> streamPublisher(
      ChatRequest request, RequestOptions options) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(options, "options");
    return subscriber -> {
      SubmissionPublisher<ChatStreamEvent> out = new SubmissionPublisher<>(executor, 16);
      out.subscribe(subscriber);
      executor.execute(() -> pump(request, options, out));
    };
  }

  /**
   * {@link #streamPublisher(ChatRequest, RequestOptions)} with default options.
   *
   * @param request the request
   * @return a cold publisher
   */
  public Flow.Publisher<ChatStreamEvent> streamPublisher(ChatRequest request) {
    return streamPublisher(request, RequestOptions.defaults());
  }

  private void pump(
      ChatRequest request, RequestOptions options, SubmissionPublisher<ChatStreamEvent> out) {
    try (ChatStream stream = stream(request, options)) {
      for (ChatChunk chunk : stream) {
        if (!out.hasSubscribers()) {
          return; // cancelled: closing the stream drops the connection
        }
        out.submit(new ChatStreamEvent.Chunk(chunk));
      }
      out.submit(
          new ChatStreamEvent.Completed(stream.attestation(), stream.digests(), stream.meta()));
      out.close();
    } catch (RuntimeException e) {
      out.closeExceptionally(e);
    } finally {
      out.close(); // no-op when already closed; releases a cancelled subscription's publisher
    }
  }

  /**
   * Creates embeddings.
   *
   * @param request the request
   * @return the vectors with their attestation
   * @throws ApiException on an error answer (after retries)
   */
  public EmbeddingsResponse embeddings(EmbeddingsRequest request) {
    return embeddings(request, RequestOptions.defaults());
  }

  /**
   * Creates embeddings with per-request options.
   *
   * @param request the request
   * @param options per-request options
   * @return the vectors with their attestation
   * @throws ApiException on an error answer (after retries)
   */
  public EmbeddingsResponse embeddings(EmbeddingsRequest request, RequestOptions options) {
    return Transport.join(embeddingsAsync(request, options));
  }

  /**
   * Creates embeddings without blocking.
   *
   * @param request the request
   * @return completes with the vectors, or fails with a {@link SovereignException}
   */
  public CompletableFuture<EmbeddingsResponse> embeddingsAsync(EmbeddingsRequest request) {
    return embeddingsAsync(request, RequestOptions.defaults());
  }

  /**
   * Creates embeddings without blocking, with per-request options.
   *
   * @param request the request
   * @param options per-request options
   * @return completes with the vectors, or fails with a {@link SovereignException}
   */
  public CompletableFuture<EmbeddingsResponse> embeddingsAsync(
      EmbeddingsRequest request, RequestOptions options) {
    byte[] body = embeddingsBody(request);
    return transport
        .sendAsync("POST", "/v1/embeddings", body, options)
        .thenApply(reply -> Decoders.embeddings(reply, body));
  }

  /**
   * What a chat request would hold against the tenant's spend cap, and whether the cap has room for
   * it now ({@code POST /v1/estimate}). Spends nothing.
   *
   * @param request the request as it would be sent
   * @return the estimate
   * @throws ApiException on an error answer, e.g. {@link NotFoundException} for an unknown model
   */
  public Estimate estimate(ChatRequest request) {
    return Decoders.estimate(
        transport.send(
            "POST", "/v1/estimate", chatBody(request, false), RequestOptions.defaults()));
  }

  /**
   * As {@link #estimate(ChatRequest)}, for an embeddings request.
   *
   * @param request the request as it would be sent
   * @return the estimate
   * @throws ApiException on an error answer
   */
  public Estimate estimate(EmbeddingsRequest request) {
    return Decoders.estimate(
        transport.send("POST", "/v1/estimate", embeddingsBody(request), RequestOptions.defaults()));
  }

  /**
   * Lists the models this key may route to.
   *
   * @return the models
   */
  public List<Model> models() {
    return Transport.join(modelsAsync());
  }

  /**
   * Lists the models without blocking.
   *
   * @return completes with the models
   */
  public CompletableFuture<List<Model>> modelsAsync() {
    return transport
        .sendAsync("GET", "/v1/models", null, RequestOptions.defaults())
        .thenApply(Decoders::models);
  }

  /**
   * Looks up the attestation of one of this tenant's calls, with an inclusion proof against the
   * log's current checkpoint ({@code GET /v1/attestations/{id}}).
   *
   * @param routeDecisionId the call's {@code rd_…} id
   * @return the attestation
   * @throws NotFoundException if there is none for this tenant
   */
  public Attestation attestation(String routeDecisionId) {
    String path = "/v1/attestations/" + URLEncoder.encode(routeDecisionId, StandardCharsets.UTF_8);
    return AttestationCodec.parse(
        transport.send("GET", path, null, RequestOptions.defaults()).body());
  }

  /**
   * The gateway's public log ({@code /log/checkpoint}, {@code /log/tile/…}), for {@link
   * AttestationVerifier#verify(Attestation, LogSource)}.
   *
   * @return a log source reading over HTTP
   */
  public LogSource log() {
    return new HttpLogSource(http, transport.base(), timeout);
  }

  private static byte[] chatBody(ChatRequest request, boolean stream) {
    ObjectNode o = Json.object();
    o.put("model", request.model());
    var messages = o.putArray("messages");
    for (ChatMessage m : request.messages()) {
      messages.addObject().put("role", m.role()).put("content", m.content());
    }
    if (stream) {
      o.put("stream", true);
    }
    parameters(o, request.parameters());
    return Json.write(o);
  }

  private static byte[] embeddingsBody(EmbeddingsRequest request) {
    ObjectNode o = Json.object();
    o.put("model", request.model());
    request.input().forEach(o.putArray("input")::add);
    parameters(o, request.parameters());
    return Json.write(o);
  }

  private static void parameters(ObjectNode o, Map<String, Object> parameters) {
    parameters.forEach((k, v) -> o.set(k, Json.valueToTree(v)));
  }

  @Override
  public String toString() {
    return "SovereignClient[" + transport.base() + "]";
  }

  /** Configures a {@link SovereignClient}. The API key never appears in {@code toString}. */
  public static final class Builder {
    private URI baseUrl;
    private String apiKey;
    private Duration timeout = Duration.ofSeconds(60);
    private RetryPolicy retry = RetryPolicy.defaults();
    private HttpClient http;
    private Executor executor;

    private Builder() {}

    /**
     * The data-plane origin, e.g. {@code http://127.0.0.1:8080}. A trailing {@code /v1} (the
     * OpenAI-style base URL) is accepted and dropped.
     *
     * @param baseUrl the URL
     * @return this builder
     */
    public Builder baseUrl(String baseUrl) {
      String u = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
      u = u.endsWith("/v1") ? u.substring(0, u.length() - 3) : u;
      URI uri = URI.create(u);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
        throw new IllegalArgumentException("base URL must be http or https");
      }
      this.baseUrl = uri;
      return this;
    }

    /**
     * The tenant API key, {@code sk-router-…}.
     *
     * @param apiKey the key
     * @return this builder
     */
    public Builder apiKey(String apiKey) {
      this.apiKey = Objects.requireNonNull(apiKey, "apiKey").strip();
      return this;
    }

    /**
     * Default request timeout (for streams: until the headers). Default 60 s.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive");
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Retry policy. Default {@link RetryPolicy#defaults()}.
     *
     * @param retry the policy
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy retry) {
      this.retry = Objects.requireNonNull(retry, "retry");
      return this;
    }

    /**
     * A JDK client to use (proxy, TLS, executor settings). Default: HTTP/1.1, 10 s connect timeout.
     *
     * @param http the client
     * @return this builder
     */
    public Builder httpClient(HttpClient http) {
      this.http = Objects.requireNonNull(http, "http");
      return this;
    }

    /**
     * Where {@link #streamPublisher} reads streams and delivers events. Default: a virtual thread
     * per stream.
     *
     * @param executor the executor
     * @return this builder
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Builds the client.
     *
     * @return the client
     * @throws IllegalStateException if the base URL or API key is missing
     */
    public SovereignClient build() {
      if (baseUrl == null || apiKey == null || apiKey.isEmpty()) {
        throw new IllegalStateException("baseUrl and apiKey are required");
      }
      return new SovereignClient(this);
    }

    @Override
    public String toString() {
      return "SovereignClient.Builder["
          + baseUrl
          + ", apiKey="
          + (apiKey == null ? "unset" : "***")
          + "]";
    }
  }
}
