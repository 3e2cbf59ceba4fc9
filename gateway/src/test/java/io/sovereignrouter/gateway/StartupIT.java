package io.sovereignrouter.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** First start writes private secrets once; a second start on the same data dir reuses them. */
class StartupIT {
  @TempDir Path dir;

  @Test
  void firstStart_writesPrivateFiles_secondStartReusesThem() throws Exception {
    String adminToken;
    String demoKey;
    try (TestGateway first = TestGateway.start(dir)) {
      assertThat(first.gateway().adminToken().created()).isTrue();
      assertThat(first.gateway().demoKey().orElseThrow().created()).isTrue();
      adminToken = first.adminToken();
      demoKey = first.demoKey();
      assertThat(demoKey).startsWith("sk-router-");
      assertThat(first.postJson("/v1/chat/completions", chatBody()).statusCode()).isEqualTo(200);
    }
    try (Stream<Path> files = Files.list(dir)) {
      // log.pub and log-keys.pub are the log's public verifier keys: meant to be shared.
      for (Path file :
          files
              .filter(Files::isRegularFile)
              .filter(f -> !f.endsWith("log.pub") && !f.endsWith("log-keys.pub"))
              .toList()) {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
            .as(file.getFileName().toString())
            .isEqualTo("rw-------");
      }
    }
    assertThat(Files.readString(dir.resolve("admin.token")).trim()).isEqualTo(adminToken);
    assertThat(Files.readString(dir.resolve("demo.key")).trim()).isEqualTo(demoKey);
    assertThat(
            Files.readString(
                dir.resolve("sovereign.db"), java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain(demoKey.substring(demoKey.indexOf('_') + 1));

    try (TestGateway second = TestGateway.start(dir)) {
      assertThat(second.gateway().adminToken().created()).isFalse();
      assertThat(second.gateway().demoKey().orElseThrow().created()).isFalse();
      assertThat(second.adminToken()).isEqualTo(adminToken);
      assertThat(second.demoKey()).isEqualTo(demoKey);
      assertThat(second.postJson("/v1/chat/completions", chatBody()).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void databaseLost_demoKeyFileRegisteredAgain() throws Exception {
    String demoKey;
    try (TestGateway first = TestGateway.start(dir)) {
      demoKey = first.demoKey();
    }
    for (String name : new String[] {"sovereign.db", "sovereign.db-wal", "sovereign.db-shm"}) {
      Files.deleteIfExists(dir.resolve(name));
    }
    try (TestGateway second = TestGateway.start(dir)) {
      assertThat(second.demoKey()).isEqualTo(demoKey);
      assertThat(second.postJson("/v1/chat/completions", chatBody()).statusCode()).isEqualTo(200);
    }
  }

  private static String chatBody() {
    return "{\"model\":\"mock-chat\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
  }
}
