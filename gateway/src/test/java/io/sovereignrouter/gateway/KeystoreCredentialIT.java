package io.sovereignrouter.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sovereignrouter.gateway.config.ConfigException;
import io.sovereignrouter.keystore.LocalKek;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A provider key stored with `sovereign keys put` reaches the upstream; nothing else sees it. */
class KeystoreCredentialIT {
  private static final String SECRET = "sk-proj-keystore-canary-0123456789abcdef";
  @TempDir Path dir;

  @Test
  void keysPut_thenFileReference_authenticatesUpstream_withoutPlaintextAtRest() throws Exception {
    String kek = LocalKek.newEncodedKey();
    ProcessBuilder pb =
        new ProcessBuilder(
                "bash",
                Path.of("..", "sovereign").toAbsolutePath().normalize().toString(),
                "keys",
                "put",
                "upstream-key",
                "--data-dir",
                dir.toString())
            .redirectErrorStream(true);
    pb.environment().put("SOVEREIGN_ENCRYPTION_KEY", kek);
    Process put = pb.start();
    put.getOutputStream().write((SECRET + "\n").getBytes(StandardCharsets.UTF_8));
    put.getOutputStream().close();
    assertThat(put.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(put.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(put.exitValue()).as(output).isZero();
    assertThat(output).contains("file:upstream-key").doesNotContain(SECRET);
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1))
            .as(f.toString())
            .doesNotContain(SECRET);
      }
    }

    AtomicReference<String> seen = new AtomicReference<>();
    Vertx vertx = Vertx.vertx();
    HttpServer upstream =
        vertx
            .createHttpServer()
            .requestHandler(
                r -> {
                  seen.set(r.getHeader("Authorization"));
                  r.response()
                      .putHeader("Content-Type", "application/json")
                      .end(
                          TestGateway.resource(
                              "/io/sovereignrouter/gateway/provider/fixtures/chat-completion.json"));
                })
            .listen(0, "127.0.0.1")
            .await();
    String yaml =
        """
        providers:
          - id: up
            type: openai-compatible
            base-url: http://127.0.0.1:%d/v1
            credential: file:upstream-key
            models: [ { id: m } ]
        """
            .formatted(upstream.actualPort());
    try (TestGateway gateway =
        TestGateway.start(dir, yaml, Map.of("SOVEREIGN_ENCRYPTION_KEY", kek))) {
      assertThat(
              gateway
                  .postJson(
                      "/v1/chat/completions",
                      "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                  .statusCode())
          .isEqualTo(200);
      assertThat(seen.get()).isEqualTo("Bearer " + SECRET);
    } finally {
      vertx.close().await();
    }

    assertThatThrownBy(() -> TestGateway.start(dir, yaml, Map.of()))
        .as("without the KEK the entry cannot be read, and the error names only the reference")
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("file:upstream-key")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
  }
}
