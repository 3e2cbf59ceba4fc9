package io.sovereignrouter.gateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.sovereignrouter.gateway.GatewayExtension;
import io.sovereignrouter.gateway.TestGateway;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /readyz} checks real dependencies; {@code /metrics} counts what happened, and nothing
 * secret.
 */
class ObservabilityIT {
  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @RegisterExtension static final GatewayExtension running = GatewayExtension.conformance();

  @Test
  void readyz_namesEveryDependency() {
    TestGateway g = running.get();
    // Not ready while the policy engine compiles its wasm instances; ready once it has.
    HttpResponse<String> r =
        g.send(HttpRequest.newBuilder(URI.create(g.origin() + "/readyz")).build());
    for (int i = 0; i < 120 && r.statusCode() != 200; i++) {
      assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
      sleep(500);
      r = g.send(HttpRequest.newBuilder(URI.create(g.origin() + "/readyz")).build());
    }
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(new JsonObject(r.body()).getJsonObject("checks").fieldNames())
        .containsExactlyInAnyOrder("storage", "audit_log", "rate_limits", "policy_engine");
  }

  @Test
  void metrics_countRequestsAttemptsFindingsAndDecisions_withoutSecrets() {
    TestGateway g = running.get();
    String secret =
        "sk-proj-8Ez9oP0ZV1YgHNMqhQY-CIb27Mxy85v0eqHp2ERuLGQZx3NAcZCf-jCmhQdY7Ez_zFZQHNIcOQTBP6tUWfm0"
            + "kOqpQyP1OlFdyKhlIB3opX3AKcL1rxIu4sHSC_GUMEPYZNFeHFXlwDpvt1lYmzB5Uvoad-_q";
    HttpResponse<String> served =
        g.send(
            HttpRequest.newBuilder(URI.create(g.origin() + "/v1/chat/completions"))
                .header("Authorization", "Bearer " + g.demoKey())
                .header("Content-Type", "application/json")
                .header("X-Request-Id", "req-metrics-canary")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"model\":\"mock-fallback\",\"messages\":[{\"role\":\"user\",\"content\":\"token "
                            + secret
                            + "\"}]}"))
                .build());
    assertThat(served.statusCode()).as(served.body()).isEqualTo(200);
    // The request is counted when its response has ended, which may be just after the client
    // read it.
    String text = "";
    for (int i = 0; i < 50 && !text.contains("sovereign_requests_total{"); i++) {
      sleep(100);
      text =
          g.send(HttpRequest.newBuilder(URI.create(g.adminOrigin() + "/metrics")).build()).body();
    }
    assertThat(text)
        .contains("sovereign_requests_total{")
        .contains("endpoint=\"chat.completions\"")
        .contains("policy=\"dev-open\"")
        .contains("status=\"200\"")
        .contains("sovereign_attempts_total{")
        .contains("outcome=\"ok\"")
        .contains("sovereign_time_to_first_byte_seconds_bucket")
        .containsPattern("sovereign_leak_findings_total\\{rule=\"openai[^\"]*\"\\} 1.0")
        .contains(
            "sovereign_policy_decision_duration_seconds_count{engine=\"embedded\",result=\"allow\"")
        .contains("sovereign_log_append_seconds_count")
        .contains("sovereign_log_tree_size")
        .contains("sovereign_breaker_state{model=\"mock-fallback\",provider=\"flaky\"}")
        .contains("sovereign_tokens_total{");
    assertThat(text)
        .doesNotContain(secret)
        .doesNotContain("req-metrics-canary")
        .doesNotContain(g.demoKey())
        .doesNotContain(served.headers().firstValue("X-SF-Route-Decision").orElseThrow());
  }
}
