package io.sovereignrouter.gateway.attest;

import static org.assertj.core.api.Assertions.assertThat;

import io.sovereignrouter.gateway.GatewayExtension;
import io.sovereignrouter.gateway.Main;
import io.sovereignrouter.gateway.TestGateway;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * What cosign (v2.6.5, sigstore-go inside; built by {@code ./sovereign test} into {@code
 * target/tools/}) makes of {@code sovereign verify --export-…}: it refuses the full bundle because
 * our log entry's body is the DSSE envelope (our leaf), not a Rekor v1/v2 entry — even with {@code
 * --insecure-ignore-tlog}, since it validates entries when it reads the bundle; and it verifies the
 * signature-only bundle (DSSE signature under the log key, subject digest of the request bytes)
 * with {@code --insecure-ignore-tlog}.
 */
class CosignIT {
  private static final String VERSION = "v2.6.5";
  private static final String PREDICATE = "https://sovereignrouter.dev/attestation/v1";
  private static final String CHAT =
      "{\"model\":\"mock-chat\",\"messages\":[{\"role\":\"user\",\"content\":\"cosign me\"}]}";

  @RegisterExtension static final GatewayExtension running = GatewayExtension.conformance();
  static TestGateway gateway;

  @TempDir static Path tmp;
  static Path request;
  static Path bundle;
  static Path signatureBundle;
  static Path trustedRoot;
  static Path pem;

  @BeforeAll
  static void export() throws Exception {
    gateway = running.get();
    request = Files.writeString(tmp.resolve("request.json"), CHAT);
    Path reply =
        Files.writeString(
            tmp.resolve("reply.json"), gateway.postJson("/v1/chat/completions", CHAT).body());
    bundle = tmp.resolve("bundle.json");
    signatureBundle = tmp.resolve("signature-bundle.json");
    trustedRoot = tmp.resolve("trusted_root.json");
    pem = tmp.resolve("log.pem");
    int exit =
        new CommandLine(new Main())
            .execute(
                "verify",
                reply.toString(),
                "--log-key",
                gateway.gateway().dataDir().resolve("log.pub").toString(),
                "--export-bundle",
                bundle.toString(),
                "--export-signature-bundle",
                signatureBundle.toString(),
                "--export-trusted-root",
                trustedRoot.toString(),
                "--export-key",
                pem.toString());
    assertThat(exit).isZero();
  }

  private record Run(int exit, String output) {}

  private static Path cosign() {
    String env = System.getenv("SOVEREIGN_COSIGN");
    Path path = env != null && !env.isEmpty() ? Path.of(env) : toolsDir().resolve("cosign");
    if (!Files.isExecutable(path)) {
      throw new IllegalStateException(
          "cosign "
              + VERSION
              + " not found at "
              + path
              + "; run './sovereign test' or set SOVEREIGN_COSIGN");
    }
    return path;
  }

  private static Path toolsDir() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("sovereign"))) {
        return p.resolve("target/tools/cosign-" + VERSION);
      }
    }
    throw new IllegalStateException("no ./sovereign above " + Path.of("").toAbsolutePath());
  }

  private static Run cosign(Path bundleFile, Path blob, String... extra)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.addAll(
        List.of(
            cosign().toString(),
            "verify-blob-attestation",
            "--new-bundle-format",
            "--bundle",
            bundleFile.toString(),
            "--trusted-root",
            trustedRoot.toString(),
            "--key",
            pem.toString(),
            "--type",
            PREDICATE));
    cmd.addAll(List.of(extra));
    cmd.add(blob.toString());
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), out);
  }

  @Test
  void fullBundle_refused_entryBodyIsNotARekorEntry() throws Exception {
    for (String[] extra : new String[][] {{}, {"--insecure-ignore-tlog=true"}}) {
      Run run = cosign(bundle, request, extra);
      assertThat(run.exit()).as(run.output()).isNotZero();
      assertThat(run.output())
          .contains(
              "validation error: entry body is not a recognizable Rekor v1 or Rekor v2 type:"
                  + " kind in body is required");
    }
  }

  @Test
  void signatureBundle_verifiesSignatureAndRequestDigest_withoutTlog() throws Exception {
    Run run = cosign(signatureBundle, request, "--insecure-ignore-tlog=true");
    assertThat(run.exit()).as(run.output()).isZero();
    assertThat(run.output()).contains("Verified OK");

    Path other =
        Files.writeString(tmp.resolve("other-request.json"), CHAT.replace("cosign", "forge"));
    Run wrongBlob = cosign(signatureBundle, other, "--insecure-ignore-tlog=true");
    assertThat(wrongBlob.exit()).as(wrongBlob.output()).isNotZero();

    io.vertx.core.json.JsonObject b =
        new io.vertx.core.json.JsonObject(Files.readString(signatureBundle));
    io.vertx.core.json.JsonObject sig =
        b.getJsonObject("dsseEnvelope").getJsonArray("signatures").getJsonObject(0);
    byte[] raw = java.util.Base64.getDecoder().decode(sig.getString("sig"));
    raw[0] ^= 0x01;
    sig.put("sig", java.util.Base64.getEncoder().encodeToString(raw));
    String forged = b.encode();
    Path forgedBundle = Files.writeString(tmp.resolve("forged-bundle.json"), forged);
    Run badSig = cosign(forgedBundle, request, "--insecure-ignore-tlog=true");
    assertThat(badSig.exit()).as(badSig.output()).isNotZero();
  }
}
