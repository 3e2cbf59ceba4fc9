package io.sovereignrouter.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.sovereignrouter.gateway.GatewayExtension;
import io.sovereignrouter.gateway.TestGateway;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The anthropic adapter against a loopback server speaking the Messages API from hand-written
 * fixtures: the server checks {@code x-api-key} and {@code anthropic-version}; the test checks the
 * translated request and the OpenAI-shaped answers, streams and tool calls included.
 */
class AnthropicProviderIT {
  private static final String KEY = "sk-ant-api03-test-key-0123456789";
  static final FixtureServer upstream = new FixtureServer();

  static {
    upstream.on(
        "GET /v1/models",
        (request, body) ->
            request
                .response()
                .putHeader("Content-Type", "application/json")
                .end(
                    KEY.equals(request.getHeader("x-api-key"))
                        ? "{\"data\":[{\"type\":\"model\",\"id\":\"claude-opus-4-1\",\"display_name\":\"Claude Opus 4.1\","
                            + "\"created_at\":\"2025-08-05T00:00:00Z\"}],\"has_more\":false,\"first_id\":\"claude-opus-4-1\","
                            + "\"last_id\":\"claude-opus-4-1\"}"
                        : "{\"data\":[]}"));
    upstream.on(
        "POST /v1/messages",
        (request, body) -> {
          if (!KEY.equals(request.getHeader("x-api-key"))
              || !"2023-06-01".equals(request.getHeader("anthropic-version"))) {
            request
                .response()
                .setStatusCode(401)
                .putHeader("Content-Type", "application/json")
                .end(
                    "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key\"}}");
            return;
          }
          JsonObject json = body.toJsonObject();
          boolean stream = Boolean.TRUE.equals(json.getValue("stream"));
          String model = json.getString("model");
          if (stream) {
            request
                .response()
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .end(
                    FixtureServer.fixture(
                        model.equals("claude-broken")
                            ? "anthropic/stream-error.sse"
                            : "anthropic/stream.sse"));
          } else {
            request
                .response()
                .putHeader("Content-Type", "application/json")
                .end(FixtureServer.fixture("anthropic/message.json"));
          }
        });
  }

  @RegisterExtension
  static final GatewayExtension running =
      GatewayExtension.of(
          () ->
              """
              providers:
                - id: claude
                  type: anthropic
                  discover: true
                  base-url: http://127.0.0.1:%d
                  credential: env:TEST_ANTHROPIC_KEY
                  models:
                    - { id: sonnet, upstream: claude-sonnet-4-5, capabilities: { vision: true } }
                    - { id: sonnet-broken, upstream: claude-broken }
              """
                  .formatted(upstream.port()),
          Map.of("TEST_ANTHROPIC_KEY", KEY));

  static TestGateway gateway;

  @BeforeAll
  static void bind() {
    gateway = running.get();
  }

  @AfterAll
  static void stopUpstream() {
    upstream.close();
  }

  private static final String TOOLS_REQUEST =
      """
      {"model":"sonnet","max_tokens":300,"temperature":0.3,"stop":"END","user":"u-42",
       "tools":[{"type":"function","function":{"name":"get_weather","description":"Weather",
         "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}}],
       "tool_choice":"required",
       "messages":[
         {"role":"system","content":"You are terse."},
         {"role":"user","content":[{"type":"text","text":"What is this and the weather?"},
           {"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo="}}]},
         {"role":"assistant","content":null,"tool_calls":[{"id":"toolu_prev","type":"function",
           "function":{"name":"get_weather","arguments":"{\\"city\\":\\"Rome\\"}"}}]},
         {"role":"tool","tool_call_id":"toolu_prev","content":"18C"},
         {"role":"user","content":"And Paris?"}]}
      """;

  @Test
  void chat_translatesRequest_andReplyWithToolCallsAndCachedUsage() {
    HttpResponse<String> response = gateway.postJson("/v1/chat/completions", TOOLS_REQUEST);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

    JsonObject sent = upstream.last("/v1/messages").body().toJsonObject();
    assertThat(sent.getString("model")).isEqualTo("claude-sonnet-4-5");
    assertThat(sent.getInteger("max_tokens")).isEqualTo(300);
    assertThat(sent.getJsonArray("stop_sequences")).containsExactly("END");
    assertThat(sent.getJsonObject("metadata").getString("user_id")).isEqualTo("u-42");
    assertThat(sent.getJsonArray("system").getJsonObject(0).getString("text"))
        .isEqualTo("You are terse.");
    assertThat(sent.getJsonObject("tool_choice").getString("type")).isEqualTo("any");
    assertThat(
            sent.getJsonArray("tools")
                .getJsonObject(0)
                .getJsonObject("input_schema")
                .getJsonArray("required"))
        .containsExactly("city");
    JsonArray messages = sent.getJsonArray("messages");
    assertThat(messages.stream().map(m -> ((JsonObject) m).getString("role")).toList())
        .containsExactly("user", "assistant", "user");
    JsonObject image = messages.getJsonObject(0).getJsonArray("content").getJsonObject(1);
    assertThat(image.getJsonObject("source").getString("type")).isEqualTo("base64");
    assertThat(image.getJsonObject("source").getString("media_type")).isEqualTo("image/png");
    JsonObject toolUse = messages.getJsonObject(1).getJsonArray("content").getJsonObject(0);
    assertThat(toolUse.getString("type")).isEqualTo("tool_use");
    assertThat(toolUse.getJsonObject("input").getString("city")).isEqualTo("Rome");
    JsonArray merged = messages.getJsonObject(2).getJsonArray("content");
    assertThat(merged.getJsonObject(0).getString("type")).isEqualTo("tool_result");
    assertThat(merged.getJsonObject(0).getString("tool_use_id")).isEqualTo("toolu_prev");
    assertThat(merged.getJsonObject(1).getString("text")).isEqualTo("And Paris?");

    JsonObject completion = new JsonObject(response.body());
    assertThat(completion.getString("object")).isEqualTo("chat.completion");
    assertThat(completion.getString("model")).isEqualTo("sonnet");
    JsonObject choice = completion.getJsonArray("choices").getJsonObject(0);
    assertThat(choice.getString("finish_reason")).isEqualTo("tool_calls");
    JsonObject message = choice.getJsonObject("message");
    assertThat(message.getString("content")).isEqualTo("I'll check the weather in Paris.");
    JsonObject call = message.getJsonArray("tool_calls").getJsonObject(0);
    assertThat(call.getString("id")).isEqualTo("toolu_01A09q90qw90lq917835lq9");
    assertThat(
            new JsonObject(call.getJsonObject("function").getString("arguments")).getString("city"))
        .isEqualTo("Paris");
    JsonObject usage = completion.getJsonObject("usage");
    assertThat(usage.getInteger("prompt_tokens")).isEqualTo(512);
    assertThat(usage.getInteger("completion_tokens")).isEqualTo(57);
    assertThat(usage.getJsonObject("prompt_tokens_details").getInteger("cached_tokens"))
        .isEqualTo(100);
  }

  @Test
  void stream_textAndToolCallDeltas_finishReason_usage_done() {
    HttpResponse<String> response =
        gateway.postJson(
            "/v1/chat/completions",
            """
            {"model":"sonnet","stream":true,"stream_options":{"include_usage":true},
             "messages":[{"role":"user","content":"hi"}]}""");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(upstream.last("/v1/messages").body().toJsonObject().getBoolean("stream")).isTrue();
    List<JsonObject> chunks =
        response
            .body()
            .lines()
            .filter(l -> l.startsWith("data: {"))
            .map(l -> new JsonObject(l.substring(6)))
            .toList();
    StringBuilder text = new StringBuilder();
    StringBuilder args = new StringBuilder();
    for (JsonObject c : chunks) {
      assertThat(c.getString("object")).isEqualTo("chat.completion.chunk");
      for (Object o : c.getJsonArray("choices")) {
        JsonObject delta = ((JsonObject) o).getJsonObject("delta");
        if (delta.getString("content") != null) {
          text.append(delta.getString("content"));
        }
        JsonArray calls = delta.getJsonArray("tool_calls");
        if (calls != null) {
          args.append(calls.getJsonObject(0).getJsonObject("function").getString("arguments"));
        }
      }
    }
    assertThat(text.toString()).isEqualTo("Hello, world");
    assertThat(new JsonObject(args.toString()).getString("city")).isEqualTo("Paris");
    JsonObject finish = chunks.get(chunks.size() - 2).getJsonArray("choices").getJsonObject(0);
    assertThat(finish.getString("finish_reason")).isEqualTo("tool_calls");
    JsonObject usage = chunks.getLast().getJsonObject("usage");
    assertThat(usage.getInteger("prompt_tokens")).isEqualTo(25);
    assertThat(usage.getInteger("completion_tokens")).isEqualTo(15);
    assertThat(response.body()).endsWith("data: [DONE]\n\n");
  }

  @Test
  void stream_upstreamErrorEvent_endsWithErrorNotDone() {
    HttpResponse<String> response =
        gateway.postJson(
            "/v1/chat/completions",
            "{\"model\":\"sonnet-broken\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("Partial").contains("\"error\":").doesNotContain("[DONE]");
  }

  @Test
  void discovery_listsAnthropicModels() {
    HttpResponse<String> models =
        gateway.send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(gateway.baseUrl() + "/models"))
                .header("Authorization", "Bearer " + gateway.demoKey())
                .build());
    assertThat(models.body()).contains("\"claude-opus-4-1\"", "\"sonnet\"");
  }

  @Test
  void nGreaterThanOne_rejectedAsClientError() {
    HttpResponse<String> response =
        gateway.postJson(
            "/v1/chat/completions",
            "{\"model\":\"sonnet\",\"n\":2,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    assertThat(response.statusCode()).isEqualTo(400);
    JsonObject error = new JsonObject(response.body()).getJsonObject("error");
    assertThat(error.getString("param")).isEqualTo("n");
    assertThat(error.getString("code")).isEqualTo("unsupported_by_provider");
  }
}
