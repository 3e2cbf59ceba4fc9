package io.sovereignrouter.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.sovereignrouter.gateway.TestGateway;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failing provider trips its breaker, requests fail fast, and the state survives a restart. */
class BreakerIT {
  private static final String YAML =
      """
      routing:
        health: { breaker: { consecutive-failures: 3, open-ms: 60000 } }
      providers:
        - id: down
          type: mock
          models: [ { id: m } ]
          mock: { failure-rate: 1.0, failure-status: 500 }
      """;

  @TempDir Path dir;

  @Test
  void failures_openBreaker_503RetryAfter_visibleInAdmin_persistAcrossRestart() {
    try (TestGateway gateway = TestGateway.start(dir, YAML, Map.of())) {
      for (int i = 0; i < 3; i++) {
        assertThat(chat(gateway).statusCode()).isEqualTo(502);
      }
      HttpResponse<String> refused = chat(gateway);
      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(new JsonObject(refused.body()).getJsonObject("error").getString("code"))
          .isEqualTo("circuit_open");
      assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
          .isBetween(1L, 60L);
      assertThat(refused.headers().firstValue("X-SF-Attempts")).isEmpty();

      JsonObject health = modelHealth(gateway);
      assertThat(health.getString("breaker")).isEqualTo("open");
      assertThat(health.getInteger("samples")).isEqualTo(3);
      assertThat(health.getInteger("consecutive_failures")).isEqualTo(3);
      assertThat(health.getDouble("success_rate")).isEqualTo(0.0);
    }
    try (TestGateway restarted = TestGateway.start(dir, YAML, Map.of())) {
      assertThat(chat(restarted).statusCode()).isEqualTo(503);
      assertThat(modelHealth(restarted).getString("breaker")).isEqualTo("open");
    }
  }

  private static HttpResponse<String> chat(TestGateway gateway) {
    return gateway.postJson(
        "/v1/chat/completions",
        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
  }

  private static JsonObject modelHealth(TestGateway gateway) {
    HttpResponse<String> r =
        gateway.send(
            HttpRequest.newBuilder(URI.create(gateway.adminOrigin() + "/admin/v1/providers"))
                .header("Authorization", "Bearer " + gateway.adminToken())
                .build());
    assertThat(r.statusCode()).isEqualTo(200);
    JsonObject provider = new JsonObject(r.body()).getJsonArray("data").getJsonObject(0);
    assertThat(provider.getString("id")).isEqualTo("down");
    assertThat(r.body()).doesNotContain("\"credential\":");
    return provider.getJsonArray("models").getJsonObject(0).getJsonObject("health");
  }
}
