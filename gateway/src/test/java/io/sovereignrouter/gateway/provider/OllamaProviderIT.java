package io.sovereignrouter.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.sovereignrouter.gateway.GatewayExtension;
import io.sovereignrouter.gateway.TestGateway;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ollama adapter against a loopback server speaking Ollama's native API from fixtures. */
class OllamaProviderIT {
  static final FixtureServer upstream = new FixtureServer();

  static {
    upstream
        .on(
            "GET /api/tags",
            (r, b) ->
                r.response()
                    .putHeader("Content-Type", "application/json")
                    .end(FixtureServer.fixture("ollama/tags.json")))
        .on(
            "POST /api/embed",
            (r, b) ->
                r.response()
                    .putHeader("Content-Type", "application/json")
                    .end(FixtureServer.fixture("ollama/embed.json")))
        .on(
            "POST /api/chat",
            (r, b) -> {
              JsonObject body = b.toJsonObject();
              if (Boolean.TRUE.equals(body.getValue("stream"))) {
                r.response()
                    .putHeader("Content-Type", "application/x-ndjson")
                    .end(FixtureServer.fixture("ollama/chat-stream.ndjson"));
              } else {
                String fixture =
                    body.containsKey("tools") ? "ollama/chat-tools.json" : "ollama/chat.json";
                r.response()
                    .putHeader("Content-Type", "application/json")
                    .end(FixtureServer.fixture(fixture));
              }
            });
  }

  @RegisterExtension
  static final GatewayExtension running =
      GatewayExtension.of(
          () ->
              """
              providers:
                - id: local
                  type: ollama
                  discover: true
                  base-url: http://127.0.0.1:%d
                  models:
                    - { id: llama, upstream: "llama3.2:latest", capabilities: { vision: true } }
              """
                  .formatted(upstream.port()),
          Map.of());

  static TestGateway gateway;

  @BeforeAll
  static void bind() {
    gateway = running.get();
  }

  @AfterAll
  static void stopUpstream() {
    upstream.close();
  }

  @Test
  void discovery_addsListedModels_toV1Models() {
    HttpResponse<String> response =
        gateway.send(
            HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/models"))
                .header("Authorization", "Bearer " + gateway.demoKey())
                .build());
    List<String> ids =
        new JsonObject(response.body())
            .getJsonArray("data").stream().map(m -> ((JsonObject) m).getString("id")).toList();
    assertThat(ids).containsExactly("llama", "nomic-embed-text:latest");
    HttpResponse<String> admin =
        gateway.send(
            HttpRequest.newBuilder(URI.create(gateway.adminOrigin() + "/admin/v1/providers"))
                .header("Authorization", "Bearer " + gateway.adminToken())
                .build());
    assertThat(admin.body())
        .contains("\"id\":\"nomic-embed-text:latest\"", "\"kind\":\"embedding\"");
  }

  @Test
  void chat_translatesOptionsImagesAndReply() {
    HttpResponse<String> response =
        gateway.postJson(
            "/v1/chat/completions",
            """
            {"model":"llama","max_tokens":64,"temperature":0.1,"stop":["\\n\\n"],"seed":7,
             "response_format":{"type":"json_object"},
             "messages":[{"role":"developer","content":"Be brief."},
               {"role":"user","content":[{"type":"text","text":"Why is the sky blue?"},
                 {"type":"image_url","image_url":{"url":"data:image/jpeg;base64,/9j/4AAQ"}}]}]}""");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonObject sent = upstream.last("/api/chat").body().toJsonObject();
    assertThat(sent.getString("model")).isEqualTo("llama3.2:latest");
    assertThat(sent.getBoolean("stream")).isFalse();
    assertThat(sent.getString("format")).isEqualTo("json");
    JsonObject options = sent.getJsonObject("options");
    assertThat(options.getInteger("num_predict")).isEqualTo(64);
    assertThat(options.getInteger("seed")).isEqualTo(7);
    assertThat(options.getJsonArray("stop")).containsExactly("\n\n");
    assertThat(sent.getJsonArray("messages").getJsonObject(0).getString("role"))
        .isEqualTo("system");
    assertThat(sent.getJsonArray("messages").getJsonObject(1).getJsonArray("images"))
        .containsExactly("/9j/4AAQ");

    JsonObject completion = new JsonObject(response.body());
    JsonObject choice = completion.getJsonArray("choices").getJsonObject(0);
    assertThat(choice.getJsonObject("message").getString("content")).startsWith("The sky is blue");
    assertThat(choice.getString("finish_reason")).isEqualTo("stop");
    assertThat(completion.getJsonObject("usage").getInteger("total_tokens")).isEqualTo(38);
  }

  @Test
  void chat_toolCalls_getIdsAndStringArguments() {
    HttpResponse<String> response =
        gateway.postJson(
            "/v1/chat/completions",
            """
            {"model":"llama","tools":[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object"}}}],
             "messages":[{"role":"user","content":"Weather in Tokyo?"}]}""");
    JsonObject choice = new JsonObject(response.body()).getJsonArray("choices").getJsonObject(0);
    assertThat(choice.getString("finish_reason")).isEqualTo("tool_calls");
    JsonObject call = choice.getJsonObject("message").getJsonArray("tool_calls").getJsonObject(0);
    assertThat(call.getString("id")).startsWith("call_");
    assertThat(call.getJsonObject("function").getString("arguments"))
        .isEqualTo("{\"city\":\"Tokyo\"}");
  }

  @Test
  void stream_ndjson_toChunks_lengthFinish_usage() {
    HttpResponse<String> response =
        gateway.postJson(
            "/v1/chat/completions",
            """
            {"model":"llama","stream":true,"stream_options":{"include_usage":true},
             "messages":[{"role":"user","content":"sky?"}]}""");
    assertThat(response.statusCode()).isEqualTo(200);
    StreamedChunks chunks = StreamedChunks.of(response.body());
    assertThat(chunks.text()).isEqualTo("The sky is blue.");
    assertThat(chunks.finishBeforeUsage()).isEqualTo("length");
    assertThat(chunks.usage().getInteger("completion_tokens")).isEqualTo(3);
    assertThat(response.body()).endsWith("data: [DONE]\n\n");
  }

  @Test
  void embeddings_floatAndBase64() {
    HttpResponse<String> floats =
        gateway.postJson(
            "/v1/embeddings",
            "{\"model\":\"nomic-embed-text:latest\",\"input\":[\"a\",\"b\"],\"encoding_format\":\"float\"}");
    assertThat(floats.statusCode()).as(floats.body()).isEqualTo(200);
    JsonObject list = new JsonObject(floats.body());
    assertThat(list.getJsonArray("data")).hasSize(2);
    assertThat(list.getJsonArray("data").getJsonObject(1).getInteger("index")).isEqualTo(1);
    assertThat(list.getJsonObject("usage").getInteger("prompt_tokens")).isEqualTo(8);
    assertThat(upstream.last("/api/embed").body().toJsonObject().getJsonArray("input"))
        .containsExactly("a", "b");

    HttpResponse<String> b64 =
        gateway.postJson(
            "/v1/embeddings",
            "{\"model\":\"nomic-embed-text:latest\",\"input\":\"a\",\"encoding_format\":\"base64\"}");
    String encoded =
        new JsonObject(b64.body()).getJsonArray("data").getJsonObject(0).getString("embedding");
    ByteBuffer bytes =
        ByteBuffer.wrap(Base64.getDecoder().decode(encoded)).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(bytes.getFloat()).isEqualTo(0.010071029f);
  }
}
