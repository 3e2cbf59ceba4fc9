package io.sovereignrouter.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.sovereignrouter.gateway.GatewayExtension;
import io.sovereignrouter.gateway.TestGateway;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Upstream failures injected on the wire: before the first byte they fall back to the next
 * provider; after it the stream ends with an OpenAI error event, never a clean {@code [DONE]}.
 */
class FailureInjectionIT {
  static final FakeOpenAiUpstream upstream = new FakeOpenAiUpstream();

  @RegisterExtension
  static final GatewayExtension running =
      GatewayExtension.of(
          () ->
              """
              routing:
                max-attempts: 3
                health: { breaker: { enabled: false } }
              providers:
                - id: up
                  type: openai-compatible
                  priority: 0
                  base-url: http://127.0.0.1:%d/v1
                  timeouts: { connect-ms: 1000, first-byte-ms: 500, total-ms: 1000 }
                  models:
                    - { id: m-429, upstream: rate-limited }
                    - { id: m-429-only, upstream: rate-limited }
                    - { id: m-reset-before, upstream: reset-before }
                    - { id: m-slow, upstream: slow-first-byte }
                    - { id: m-stall, upstream: stall }
                    - { id: m-reset, upstream: reset-mid }
                    - { id: m-malformed, upstream: malformed }
                - id: mock
                  type: mock
                  priority: 1
                  models: [ {id: m-429}, {id: m-reset-before}, {id: m-slow}, {id: m-stall},
                            {id: m-reset}, {id: m-malformed} ]
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

  private static HttpResponse<String> chat(String model, boolean stream) {
    return gateway.postJson(
        "/v1/chat/completions",
        "{\"model\":\""
            + model
            + "\",\"stream\":"
            + stream
            + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
  }

  private static void assertFellBackToMock(HttpResponse<String> response, String firstAttempt) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("X-SF-Provider")).contains("mock");
    assertThat(response.headers().firstValue("X-SF-Attempts").orElseThrow())
        .startsWith(firstAttempt)
        .contains(", \"mock\";");
  }

  @Test
  void upstream429_fallsBack() {
    assertFellBackToMock(chat("m-429", false), "\"up\";model=\"rate-limited\";status=429;");
  }

  @Test
  void upstream429_onlyCandidate_503WithRetryAfterFromUpstream() {
    HttpResponse<String> response = chat("m-429-only", false);
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).contains("7");
    assertThat(new JsonObject(response.body()).getJsonObject("error").getString("code"))
        .isEqualTo("upstream_rate_limited");
  }

  @Test
  void connectionResetBeforeResponse_fallsBack() {
    assertFellBackToMock(chat("m-reset-before", false), "\"up\";model=\"reset-before\";status=0;");
    assertFellBackToMock(chat("m-reset-before", true), "\"up\";model=\"reset-before\";status=0;");
  }

  @Test
  void slowFirstByte_timesOutAndFallsBack_withinDeadline() {
    long start = System.nanoTime();
    HttpResponse<String> response = chat("m-slow", false);
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertFellBackToMock(response, "\"up\";model=\"slow-first-byte\";status=0;");
    assertThat(response.headers().firstValue("X-SF-Attempts").orElseThrow())
        .contains("error=\"timeout\"");
    assertThat(ms).isBetween(400L, 1_450L);
  }

  @Test
  void nonStreamingStall_totalDeadline_fallsBack() {
    assertFellBackToMock(chat("m-stall", false), "\"up\";model=\"stall\";status=0;");
  }

  @Test
  void streamStall_endsWithTimeoutErrorEvent_noDone() {
    assertBrokenStream(chat("m-stall", true), "upstream_timeout");
  }

  @Test
  void streamReset_endsWithErrorEvent_noDone() {
    assertBrokenStream(chat("m-reset", true), "upstream_error");
  }

  @Test
  void streamMalformedChunk_notForwarded_endsWithErrorEvent() {
    HttpResponse<String> response = chat("m-malformed", true);
    assertBrokenStream(response, "upstream_error");
    assertThat(response.body()).doesNotContain("\"cut");
  }

  private static void assertBrokenStream(HttpResponse<String> response, String code) {
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("X-SF-Provider")).contains("up");
    List<String> events = response.body().lines().filter(l -> l.startsWith("data: ")).toList();
    assertThat(events).hasSize(2);
    assertThat(new JsonObject(events.get(0).substring(6)).getString("object"))
        .isEqualTo("chat.completion.chunk");
    JsonObject error = new JsonObject(events.get(1).substring(6)).getJsonObject("error");
    assertThat(error.getString("code")).isEqualTo(code);
    assertThat(response.body()).doesNotContain("[DONE]");
  }
}
