package io.sovereignrouter.gateway.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sovereignrouter.gateway.Attested;
import io.sovereignrouter.gateway.DataDir;
import io.sovereignrouter.gateway.Gateway;
import io.sovereignrouter.gateway.Main;
import io.sovereignrouter.gateway.TestGateway;
import io.sovereignrouter.gateway.config.ConfigException;
import io.sovereignrouter.gateway.config.ConfigLoader;
import io.sovereignrouter.gateway.config.GatewayConfig;
import io.sovereignrouter.gateway.config.PostgresConfig;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Two gateways with {@code storage.backend: postgres} on one database: their attestations land in
 * one log, and either replica serves checkpoint and tiles that verify the other's attestations.
 */
class PostgresLogGatewayIT {
  private static final String CHAT =
      "{\"model\":\"mock-chat\",\"messages\":[{\"role\":\"user\",\"content\":\"replicas\"}]}";

  @TempDir Path tmp;

  @Test
  void twoReplicas_oneLog_attestationsVerifyAgainstEitherReplica() throws Exception {
    PostgresConfig pg = EmbeddedPostgresServer.freshDatabase();
    String yaml = yaml(pg);
    Path dirA = tmp.resolve("a");
    Path dirB = tmp.resolve("b");
    try (TestGateway a = TestGateway.start(dirA, yaml, Map.of())) {
      // One log, one key: replica b is provisioned with a's log key.
      DataDir.open(dirB)
          .writeSecret("log.key", DataDir.open(dirA).readSecret("log.key").orElseThrow());
      try (TestGateway b = TestGateway.start(dirB, yaml, Map.of())) {
        List<TestGateway> replicas = List.of(a, b);
        List<HttpResponse<String>> responses =
            IntStream.range(0, 24)
                .parallel()
                .mapToObj(i -> replicas.get(i % 2).postJson("/v1/chat/completions", CHAT))
                .toList();
        Set<Long> indexes = new HashSet<>();
        for (HttpResponse<String> r : responses) {
          assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
          long index = Long.parseLong(r.headers().firstValue("X-SF-Log-Index").orElseThrow());
          assertThat(indexes.add(index)).as("log index %d handed out twice", index).isTrue();
        }
        long max = indexes.stream().mapToLong(Long::longValue).max().orElseThrow();
        // Idle replicas pick up each other's checkpoints within a refresh period.
        for (TestGateway r : replicas) {
          awaitTreeSize(r, max + 1);
        }
        Path pub = dirA.resolve("log.pub");
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < responses.size(); i++) {
          Path f = tmp.resolve("reply-" + i + ".json");
          Files.writeString(f, responses.get(i).body());
          files.add(f);
          Attested.of(responses.get(i).body()); // carries an attestation
        }
        // Attestations from either replica verify against the other's /log (tiles from PG).
        for (int i = 0; i < files.size(); i += 5) {
          TestGateway other = replicas.get((i + 1) % 2);
          int code =
              new CommandLine(new Main())
                  .execute(
                      "verify",
                      files.get(i).toString(),
                      "--log-key",
                      pub.toString(),
                      "--log",
                      other.origin() + "/log");
          assertThat(code).as("verify reply %d against the other replica", i).isZero();
        }
        assertThat(get(b, "/log/tile/0/000.p/" + (max + 2)).statusCode()).isEqualTo(404);
      }
      // A replica with its own fresh key cannot join: the start fails and says why.
      assertThatThrownBy(() -> TestGateway.start(tmp.resolve("c"), yaml, Map.of()))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("every replica needs the same log.key");
    }
  }

  @Test
  @org.junit.jupiter.api.Timeout(120)
  void start_failingAfterTheLogOpened_releasesItAndAnotherStartWorks() throws Exception {
    String yaml = yaml(EmbeddedPostgresServer.freshDatabase());
    Path dir = tmp.resolve("busy");
    GatewayConfig config = ConfigLoader.parseYaml(yaml);
    try (java.net.ServerSocket busy =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      GatewayConfig clash =
          config.withServer(
              config.server().withListeners("127.0.0.1", 0, busy.getLocalPort(), dir));
      assertThatThrownBy(() -> Gateway.start(clash, Map.of())).isInstanceOf(Exception.class);
    }
    try (TestGateway g = TestGateway.start(dir, yaml, Map.of())) {
      HttpResponse<String> r = g.postJson("/v1/chat/completions", CHAT);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }
  }

  private static String yaml(PostgresConfig pg) {
    return TestGateway.resource("/conformance.yaml")
        + "\nstorage:\n  backend: postgres\n  postgres:\n    host: 127.0.0.1\n    port: "
        + pg.port()
        + "\n    database: "
        + pg.database()
        + "\n    user: postgres\n";
  }

  private static void awaitTreeSize(TestGateway g, long size) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    long seen = -1;
    while (System.nanoTime() < deadline) {
      String note = get(g, "/log/checkpoint").body();
      seen = Long.parseLong(note.split("\n")[1]);
      if (seen >= size) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("replica still at tree size " + seen + ", want " + size);
  }

  private static HttpResponse<String> get(TestGateway g, String path) {
    return g.send(
        HttpRequest.newBuilder(URI.create(g.origin() + path))
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build());
  }
}
