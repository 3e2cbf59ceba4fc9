package io.sovereignrouter.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.sovereignrouter.gateway.TestGateway;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The active probe closes a breaker as soon as the provider recovers, without client traffic. */
class HealthProbeIT {
  @TempDir Path dir;

  @Test
  void probe_closesBreakerOfRecoveredProvider_beforeOpenPeriodEnds() throws Exception {
    AtomicBoolean healthy = new AtomicBoolean(false);
    AtomicInteger probes = new AtomicInteger();
    Vertx vertx = Vertx.vertx();
    HttpServer upstream =
        vertx
            .createHttpServer()
            .requestHandler(
                r ->
                    r.body()
                        .onSuccess(
                            b -> {
                              if (b.toString().contains("\"ping\"")) {
                                probes.incrementAndGet();
                              }
                              if (healthy.get()) {
                                r.response()
                                    .putHeader("Content-Type", "application/json")
                                    .end(
                                        TestGateway.resource(
                                            "/io/sovereignrouter/gateway/provider/fixtures/chat-completion.json"));
                              } else {
                                r.response()
                                    .setStatusCode(500)
                                    .end("{\"error\":{\"message\":\"down\"}}");
                              }
                            }))
            .listen(0, "127.0.0.1")
            .await();
    String yaml =
        """
        routing:
          health:
            breaker: { consecutive-failures: 2, open-ms: 120000 }
            probe: { enabled: true, interval-ms: 150 }
        providers:
          - id: up
            type: openai-compatible
            base-url: http://127.0.0.1:%d/v1
            models: [ { id: m } ]
        """
            .formatted(upstream.actualPort());
    try (TestGateway gateway = TestGateway.start(dir, yaml, Map.of())) {
      String body = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}";
      assertThat(gateway.postJson("/v1/chat/completions", body).statusCode()).isEqualTo(502);
      assertThat(gateway.postJson("/v1/chat/completions", body).statusCode()).isEqualTo(502);
      assertThat(gateway.postJson("/v1/chat/completions", body).statusCode()).isEqualTo(503);
      assertThat(breaker(gateway)).isEqualTo("open");

      healthy.set(true);
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (!breaker(gateway).equals("closed") && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(breaker(gateway)).isEqualTo("closed");
      assertThat(probes.get()).isPositive();
      assertThat(gateway.postJson("/v1/chat/completions", body).statusCode()).isEqualTo(200);
    } finally {
      vertx.close().await();
    }
  }

  private static String breaker(TestGateway gateway) {
    String json =
        gateway
            .send(
                HttpRequest.newBuilder(URI.create(gateway.adminOrigin() + "/admin/v1/providers"))
                    .header("Authorization", "Bearer " + gateway.adminToken())
                    .build())
            .body();
    JsonObject health =
        new JsonObject(json)
            .getJsonArray("data")
            .getJsonObject(0)
            .getJsonArray("models")
            .getJsonObject(0)
            .getJsonObject("health");
    return health == null ? "none" : health.getString("breaker");
  }
}
