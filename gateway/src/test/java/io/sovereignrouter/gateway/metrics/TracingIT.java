package io.sovereignrouter.gateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.sovereignrouter.gateway.GatewayExtension;
import io.sovereignrouter.gateway.TestGateway;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Traces leave through the real OTLP/HTTP exporter to a loopback collector: one span per stage and
 * per attempt, GenAI attributes, and no prompt text or secret in the exported bytes.
 */
class TracingIT {
  static final Vertx vertx = Vertx.vertx();
  static final CopyOnWriteArrayList<Buffer> exports = new CopyOnWriteArrayList<>();
  static final HttpServer collector =
      vertx
          .createHttpServer()
          .requestHandler(
              req ->
                  req.body()
                      .onSuccess(
                          body -> {
                            if (req.path().equals("/v1/traces")) {
                              exports.add(body);
                            }
                            req.response()
                                .putHeader("Content-Type", "application/x-protobuf")
                                .end();
                          }))
          .listen(0, "127.0.0.1")
          .await();

  @RegisterExtension
  static final GatewayExtension running =
      GatewayExtension.of(
          () ->
              TestGateway.resource("/conformance.yaml")
                  + "\ntelemetry: { otlp-endpoint: \"http://127.0.0.1:"
                  + collector.actualPort()
                  + "/v1/traces\", service-name: sovereign-it }\n",
          Map.of());

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  @Test
  void spansPerStageAndAttempt_withGenAiAttributes_noContent() throws Exception {
    TestGateway g = running.get();
    String prompt = "tell me about the canary-prompt-text";
    String secret =
        "sk-proj-8Ez9oP0ZV1YgHNMqhQY-CIb27Mxy85v0eqHp2ERuLGQZx3NAcZCf-jCmhQdY7Ez_zFZQHNIcOQTBP6tUWfm0"
            + "kOqpQyP1OlFdyKhlIB3opX3AKcL1rxIu4sHSC_GUMEPYZNFeHFXlwDpvt1lYmzB5Uvoad-_q";
    HttpResponse<String> r =
        g.send(
            HttpRequest.newBuilder(URI.create(g.origin() + "/v1/chat/completions"))
                .header("Authorization", "Bearer " + g.demoKey())
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"model\":\"mock-fallback\",\"messages\":[{\"role\":\"user\",\"content\":\""
                            + prompt
                            + " "
                            + secret
                            + "\"}]}"))
                .build());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    String exported = "";
    for (int i = 0; i < 100 && !exported.contains("sovereign.attest"); i++) {
      Thread.sleep(100);
      exported =
          String.join(
              "|", exports.stream().map(b -> b.toString(StandardCharsets.ISO_8859_1)).toList());
    }
    assertThat(exported)
        .contains("sovereign-it")
        .contains("chat.completions")
        .contains("sovereign.auth")
        .contains("sovereign.leak_scan")
        .contains("sovereign.policy")
        .contains("sovereign.admission")
        .contains("sovereign.attempt flaky")
        .contains("sovereign.attempt mock")
        .contains("sovereign.attest")
        .contains("gen_ai.operation.name")
        .contains("gen_ai.provider.name")
        .contains("gen_ai.usage.output_tokens");
    assertThat(exported)
        .doesNotContain("canary-prompt-text")
        .doesNotContain(secret.substring(0, 40))
        .doesNotContain(g.demoKey());
  }
}
