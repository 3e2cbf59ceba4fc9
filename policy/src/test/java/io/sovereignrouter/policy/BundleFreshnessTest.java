package io.sovereignrouter.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed wasm bundle must be exactly what the pinned OPA builds from {@code policies/}
 * today; otherwise the embedded engine would run stale policy. Rebuild with {@code
 * policies/build-bundle.sh}.
 */
class BundleFreshnessTest {

  @Test
  void committedBundle_isRebuiltByteForByte(@TempDir Path tmp) throws Exception {
    Path rebuilt = tmp.resolve("bundle.tar.gz");
    Process p =
        new ProcessBuilder(
                "bash",
                RepoFiles.policies().resolve("build-bundle.sh").toString(),
                rebuilt.toString())
            .redirectErrorStream(true)
            .start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as("build-bundle.sh output:%n%s", out).isZero();
    byte[] committed = committed();
    assertThat(PolicyBundle.parse(Files.readAllBytes(rebuilt)).digest())
        .as("committed %s is stale: run policies/build-bundle.sh and commit", PolicyBundle.RESOURCE)
        .isEqualTo(PolicyBundle.parse(committed).digest());
  }

  @Test
  void committedBundle_matchesSourceResource() throws Exception {
    // The class-path copy (target/classes) must be the file under src/main/resources.
    Path src =
        RepoFiles.root()
            .resolve("policy/src/main/resources")
            .resolve(PolicyBundle.RESOURCE.substring(1));
    assertThat(committed()).isEqualTo(Files.readAllBytes(src));
  }

  @Test
  void builtin_hasEntrypointAndData() {
    PolicyBundle b = PolicyBundle.builtin();
    assertThat(b.manifestJson()).contains("\"entrypoint\":\"sovereign/route/decision\"");
    assertThat(b.dataJson()).contains("\"clinical-strict\"").contains("\"tiers\"");
    assertThat(b.dataJson()).doesNotContain("decision_vectors");
    assertThat(b.digest()).matches("sha256:[0-9a-f]{64}");
  }

  private static byte[] committed() throws IOException {
    try (InputStream in = PolicyBundle.class.getResourceAsStream(PolicyBundle.RESOURCE)) {
      assertThat(in).as(PolicyBundle.RESOURCE).isNotNull();
      return in.readAllBytes();
    }
  }
}
