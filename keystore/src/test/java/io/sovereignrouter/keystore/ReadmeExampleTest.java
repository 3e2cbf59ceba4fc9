package io.sovereignrouter.keystore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snippet in keystore/README.md, compiled and run. Keep the two in sync. */
class ReadmeExampleTest {
  @TempDir Path dataDir;

  @Test
  void readme_example() {
    Map<String, String> env =
        Map.of("SOVEREIGN_ENCRYPTION_KEY", LocalKek.newEncodedKey(), "ANTHROPIC_KEY", "sk-ant-…");
    byte[] serverKey = new byte[32]; // in the gateway: a random key kept in the data dir

    // README:begin
    Kek kek =
        LocalKek.fromEnvironment(env)
            .orElseThrow(() -> new MissingKekException("set SOVEREIGN_ENCRYPTION_KEY"));
    LocalFileKeystore local = LocalFileKeystore.open(dataDir.resolve("keystore"), KekRing.of(kek));
    local.put("openai-prod", "sk-live-…".getBytes(StandardCharsets.UTF_8));

    SecretResolver resolver =
        SecretResolver.builder(Fingerprinter.of(serverKey))
            .localFile(local)
            .env(EnvSecretSource.of(env))
            .build();

    String fingerprint =
        switch (resolver.resolve(SecretRef.parse("openai-prod"))) {
          case Resolution.Resolved r -> {
            try (Secret key = r.secret()) {
              // key.utf8() goes into the provider's Authorization header, nowhere else
              yield key.fingerprint().hex(); // this is what logs and attestations see
            }
          }
          case Resolution.Unresolved u -> throw new IllegalStateException(u.reason());
        };
    // README:end

    assertThat(fingerprint).matches("[0-9a-f]{12}");
    assertThat(resolver.resolve(SecretRef.parse("anthropic-key")))
        .isInstanceOfSatisfying(
            Resolution.Resolved.class, r -> assertThat(r.source()).isEqualTo(SourceKind.ENV));
  }

  @Test
  void readme_snippetMatchesThisTest() throws IOException {
    Path module = Path.of(System.getProperty("user.dir"));
    String test =
        Files.readString(
            module.resolve("src/test/java/io/sovereignrouter/keystore/ReadmeExampleTest.java"));
    String region =
        test.substring(test.indexOf("// README:begin\n") + 16, test.indexOf("    // README:end"));
    String dedented =
        region.lines().map(l -> l.replaceFirst("^    ", "")).reduce("", (a, b) -> a + b + "\n");
    String readme = Files.readString(module.resolve("README.md"));
    String snippet = readme.substring(readme.indexOf("```java\n") + 8);
    snippet = snippet.substring(0, snippet.indexOf("```"));
    assertThat(snippet).isEqualTo(dedented);
  }
}
