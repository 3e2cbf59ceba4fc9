package io.sovereignrouter.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.sovereignrouter.gateway.Attested;
import io.sovereignrouter.gateway.GatewayExtension;
import io.sovereignrouter.gateway.TestGateway;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The openai-compatible adapter against a loopback server speaking the OpenAI wire format. */
class OpenAiCompatibleProviderIT {
  private static final String UPSTREAM_KEY = "sk-upstream-test-0123456789abcdefghij";
  static final FakeOpenAiUpstream upstream = new FakeOpenAiUpstream();

  @RegisterExtension
  static final GatewayExtension running =
      GatewayExtension.of(
          () ->
              """
        server: { event-loops: 2, body-limit-bytes: 65536 }
        providers:
          - id: up
            type: openai-compatible
            base-url: http://127.0.0.1:%1$d/v1/
            credential: env:TEST_UPSTREAM_KEY
            headers: { OpenAI-Organization: org-test }
            timeouts: { connect-ms: 1000, first-byte-ms: 700, total-ms: 1500 }
            models:
              - { id: up-chat, upstream: echo-model }
              - { id: up-bad, upstream: bad }
              - { id: up-over, upstream: overloaded }
              - { id: up-hold, upstream: hold }
              - { id: up-html, upstream: html }
              - { id: up-nodone, upstream: no-done }
              - { id: up-emb, upstream: emb, kind: embedding }
          - id: refused
            type: openai-compatible
            base-url: http://127.0.0.1:9/v1
            timeouts: { connect-ms: 1000 }
            models: [ { id: up-refused } ]
          - id: mock
            type: mock
            priority: 1
            models: [ { id: up-over } ]
          - id: oa
            type: openai
            base-url: http://127.0.0.1:%1$d/v1
            organization: org-sovereign
            project: proj_42
            credential: env:TEST_UPSTREAM_KEY
            models: [ { id: oa-chat, upstream: echo-model } ]
          - id: local-vllm
            type: vllm
            base-url: http://127.0.0.1:%1$d/v1
        """
                  .formatted(upstream.port()),
          Map.of("TEST_UPSTREAM_KEY", UPSTREAM_KEY));

  static TestGateway gateway;

  @BeforeAll
  static void bind() {
    gateway = running.get();
  }

  @AfterAll
  static void stopUpstream() {
    upstream.close();
  }

  private static FakeOpenAiUpstream.Received lastReceived() {
    return upstream.received.get(upstream.received.size() - 1);
  }

  @Test
  void chat_passesUnknownFieldsAndCredential_relaysBytesUnchanged() {
    HttpResponse<String> response =
        gateway.postJson(
            "/v1/chat/completions",
            """
        {"model":"up-chat","messages":[{"role":"user","content":"hi"}],"x_custom":{"a":[1,2.50]},"temperature":0.2}""");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Attested.strip(response.body())).isEqualTo(upstream.chatFixture);
    assertThat(response.headers().firstValue("X-SF-Provider")).contains("up");
    assertThat(response.headers().firstValue("X-SF-Model")).contains("echo-model");
    FakeOpenAiUpstream.Received got = lastReceived();
    assertThat(got.path()).isEqualTo("/v1/chat/completions");
    assertThat(got.body().getString("model")).isEqualTo("echo-model");
    assertThat(got.body().getJsonObject("x_custom")).isEqualTo(new JsonObject("{\"a\":[1,2.50]}"));
    assertThat(got.body().getDouble("temperature")).isEqualTo(0.2);
    assertThat(got.headers().get("Authorization")).isEqualTo("Bearer " + UPSTREAM_KEY);
    assertThat(got.headers().get("OpenAI-Organization")).isEqualTo("org-test");
    assertThat(got.headers().get("X-Request-Id"))
        .isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
  }

  @Test
  void openaiType_sendsOrganizationAndProjectHeaders() {
    HttpResponse<String> response =
        gateway.postJson(
            "/v1/chat/completions",
            """
        {"model":"oa-chat","messages":[{"role":"user","content":"hi"}]}""");
    assertThat(response.statusCode()).isEqualTo(200);
    FakeOpenAiUpstream.Received got = lastReceived();
    assertThat(got.headers().get("OpenAI-Organization")).isEqualTo("org-sovereign");
    assertThat(got.headers().get("OpenAI-Project")).isEqualTo("proj_42");
    assertThat(got.headers().get("Authorization")).isEqualTo("Bearer " + UPSTREAM_KEY);
  }

  @Test
  void vllmType_discoversModels_servesThem() {
    HttpResponse<String> models =
        gateway.send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(gateway.baseUrl() + "/models"))
                .header("Authorization", "Bearer " + gateway.demoKey())
                .build());
    assertThat(models.body()).contains("\"Qwen/Qwen2.5-7B-Instruct\"");
    HttpResponse<String> response =
        gateway.postJson(
            "/v1/chat/completions",
            """
        {"model":"echo-model","messages":[{"role":"user","content":"hi"}]}""");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("X-SF-Provider")).contains("local-vllm");
  }

  @Test
  void stream_relaysEveryDataEventInOrder_thenDone() {
    HttpResponse<String> response =
        gateway.postJson(
            "/v1/chat/completions",
            """
        {"model":"up-chat","stream":true,"messages":[{"role":"user","content":"hi"}]}""");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .contains("text/event-stream; charset=utf-8");
    List<String> expected = new ArrayList<>();
    for (String line : upstream.streamFixture.split("\n")) {
      if (line.startsWith("data: ")) {
        expected.add(line);
      }
    }
    List<String> got = new ArrayList<>(response.body().lines().filter(l -> !l.isEmpty()).toList());
    // The last chunk carries the attestation; without it, every event is the provider's.
    int last = got.size() - 2;
    got.set(last, "data: " + Attested.strip(got.get(last).substring(6)));
    assertThat(got).isEqualTo(expected);
    assertThat(response.body()).endsWith("data: [DONE]\n\n");
  }

  @Test
  void embeddings_relayed() {
    HttpResponse<String> response =
        gateway.postJson(
            "/v1/embeddings",
            """
        {"model":"up-emb","input":["a"],"encoding_format":"float"}""");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Attested.strip(response.body())).isEqualTo(upstream.embeddingsFixture);
    assertThat(lastReceived().path()).isEqualTo("/v1/embeddings");
    assertThat(lastReceived().body().getString("encoding_format")).isEqualTo("float");
  }

  @Test
  void upstreamClientError_relayedAsIs_noFallback() {
    HttpResponse<String> response =
        gateway.postJson(
            "/v1/chat/completions",
            """
        {"model":"up-bad","messages":[{"role":"user","content":"hi"}]}""");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo(FakeOpenAiUpstream.BAD_REQUEST_BODY);
    assertThat(response.headers().firstValue("X-SF-Attempts").orElseThrow())
        .matches("\"up\";model=\"bad\";status=400;ms=\\d+;error=\"status\"");
  }

  @Test
  void upstream503_fallsBackToNextProvider() {
    HttpResponse<String> response =
        gateway.postJson(
            "/v1/chat/completions",
            """
        {"model":"up-over","messages":[{"role":"user","content":"hi"}]}""");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("X-SF-Provider")).contains("mock");
    assertThat(response.headers().firstValue("X-SF-Attempts").orElseThrow())
        .startsWith("\"up\";model=\"overloaded\";status=503;")
        .contains(", \"mock\";model=\"up-over\";status=200;");
    assertThat(new JsonObject(response.body()).getString("object")).isEqualTo("chat.completion");
  }

  @Test
  void upstreamSilent_504AfterFirstByteTimeout_andUpstreamRequestReset() throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> response =
        gateway.postJson(
            "/v1/chat/completions",
            """
        {"model":"up-hold","messages":[{"role":"user","content":"hi"}]}""");
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertThat(response.statusCode()).isEqualTo(504);
    assertThat(new JsonObject(response.body()).getJsonObject("error").getString("code"))
        .isEqualTo("upstream_timeout");
    assertThat(ms).isBetween(600L, 5_000L);
    assertThat(
            upstream
                .closed("hold")
                .future()
                .toCompletionStage()
                .toCompletableFuture()
                .get(5, java.util.concurrent.TimeUnit.SECONDS))
        .isNotNull();
  }

  @Test
  void connectionRefused_502() {
    HttpResponse<String> response =
        gateway.postJson(
            "/v1/chat/completions",
            """
        {"model":"up-refused","messages":[{"role":"user","content":"hi"}]}""");
    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(response.body()).contains("connection failed").doesNotContain(UPSTREAM_KEY);
  }

  @Test
  void upstreamNotJson_502() {
    HttpResponse<String> response =
        gateway.postJson(
            "/v1/chat/completions",
            """
        {"model":"up-html","messages":[{"role":"user","content":"hi"}]}""");
    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(new JsonObject(response.body()).getJsonObject("error").getString("code"))
        .isEqualTo("upstream_error");
  }

  @Test
  void streamEndsWithoutDone_clientGetsErrorEventNotDone() {
    HttpResponse<String> response =
        gateway.postJson(
            "/v1/chat/completions",
            """
        {"model":"up-nodone","stream":true,"messages":[{"role":"user","content":"hi"}]}""");
    assertThat(response.statusCode()).isEqualTo(200);
    List<String> events = response.body().lines().filter(l -> l.startsWith("data: ")).toList();
    assertThat(events).hasSize(2);
    assertThat(new JsonObject(events.get(1).substring(6)).getJsonObject("error").getString("code"))
        .isEqualTo("upstream_error");
    assertThat(response.body()).doesNotContain("[DONE]");
  }
}
