package io.sovereignrouter.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.sovereignrouter.gateway.Attested;
import io.sovereignrouter.gateway.TestGateway;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stage 2 in the request path: what the provider sees, what the client hears, what the log keeps.
 */
class LeakScanIT {
  /** A key in OpenAI's documented project-key format (scanner test vector, not a live key). */
  private static final String KEY =
      "sk-proj-8Ez9oP0ZV1YgHNMqhQY-CIb27Mxy85v0eqHp2ERuLGQZx3NAcZCf-jCmhQdY7Ez_zFZQHNIcOQTBP6tUWfm0kOqpQyP1OlFdyKhlIB3opX3AKcL1rxIu4sHSC_GUMEPYZNFeHFXlwDpvt1lYmzB5Uvoad-_q";

  private static final String CHAT =
      "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"my key is "
          + KEY
          + " please debug\"}]}";

  @TempDir Path dir;
  private final List<String> seen = new CopyOnWriteArrayList<>();
  private Vertx vertx;
  private HttpServer upstream;

  @BeforeEach
  void upstream() {
    vertx = Vertx.vertx();
    upstream =
        vertx
            .createHttpServer()
            .requestHandler(
                r ->
                    r.body()
                        .onSuccess(
                            b -> {
                              seen.add(b.toString());
                              r.response()
                                  .putHeader("Content-Type", "application/json")
                                  .end(
                                      TestGateway.resource(
                                          "/io/sovereignrouter/gateway/provider/fixtures/chat-completion.json"));
                            }))
            .listen(0, "127.0.0.1")
            .await();
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  private TestGateway start(String action) {
    String yaml =
        """
        leak-scan: { action: %s }
        providers:
          - id: up
            type: openai-compatible
            base-url: http://127.0.0.1:%d/v1
            models: [ { id: m } ]
        """
            .formatted(action, upstream.actualPort());
    return TestGateway.start(dir.resolve(action), yaml, Map.of());
  }

  @Test
  void redact_providerSeesPlaceholder_attestationCountsIt_logHasFingerprintOnly() {
    try (TestGateway gateway = start("redact")) {
      HttpResponse<String> response = gateway.postJson("/v1/chat/completions", CHAT);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(seen)
          .singleElement()
          .asString()
          .doesNotContain(KEY)
          .contains("my key is [REDACTED:openai-project-key#1] please debug");
      assertThat(new JsonObject(seen.getFirst()).getJsonArray("messages")).hasSize(1);
      assertThat(Attested.of(response.body()).getInteger("leak_findings")).isEqualTo(1);

      JsonObject event = findEvent(gateway, "leak.findings");
      JsonArray findings = event.getJsonArray("findings");
      assertThat(findings.getJsonObject(0).getString("rule")).isEqualTo("openai-project-key");
      assertThat(findings.getJsonObject(0).getString("pointer")).isEqualTo("/messages/0/content");
      assertThat(findings.getJsonObject(0).getString("fingerprint")).isNotBlank();
      assertThat(event.encode()).doesNotContain(KEY).doesNotContain(KEY.substring(8, 40));
    }
  }

  @Test
  void block_400CredentialLeak_namesRuleNotSecret_providerNeverCalled() {
    try (TestGateway gateway = start("block")) {
      HttpResponse<String> response = gateway.postJson("/v1/chat/completions", CHAT);
      assertThat(response.statusCode()).isEqualTo(400);
      JsonObject error = new JsonObject(response.body()).getJsonObject("error");
      assertThat(error.getString("code")).isEqualTo("credential_leak");
      assertThat(error.getString("message"))
          .contains("openai-project-key", "/messages/0/content")
          .doesNotContain(KEY);
      assertThat(seen).isEmpty();
    }
  }

  @Test
  void log_forwardsUnchanged_butRecords() {
    try (TestGateway gateway = start("log")) {
      HttpResponse<String> response = gateway.postJson("/v1/chat/completions", CHAT);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(seen).singleElement().asString().contains(KEY);
      assertThat(Attested.of(response.body()).getInteger("leak_findings")).isEqualTo(1);
    }
  }

  @Test
  void clean_request_noFindings() {
    try (TestGateway gateway = start("redact")) {
      HttpResponse<String> response =
          gateway.postJson(
              "/v1/chat/completions",
              "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"sk-learn is a library\"}]}");
      assertThat(Attested.of(response.body()).getInteger("leak_findings")).isZero();
      assertThat(seen).singleElement().asString().contains("sk-learn is a library");
    }
  }

  private static JsonObject findEvent(TestGateway gateway, String type) {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < deadline) {
      long size = gateway.gateway().auditLog().checkpoint().checkpoint().size();
      for (long i = size - 1; i >= 0; i--) {
        JsonObject envelope =
            new JsonObject(
                new String(gateway.gateway().auditLog().entry(i), StandardCharsets.UTF_8));
        JsonObject statement =
            new JsonObject(
                new String(
                    Base64.getDecoder().decode(envelope.getString("payload")),
                    StandardCharsets.UTF_8));
        if (type.equals(statement.getJsonObject("predicate").getString("type"))) {
          return statement.getJsonObject("predicate");
        }
      }
      Thread.onSpinWait();
    }
    throw new AssertionError("no " + type + " event in the log");
  }
}
