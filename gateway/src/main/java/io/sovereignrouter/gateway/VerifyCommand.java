package io.sovereignrouter.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.sovereignrouter.attestation.FormatException;
import io.sovereignrouter.attestation.NoteVerifierKey;
import io.sovereignrouter.gateway.attest.AttestationVerifier;
import io.vertx.core.json.jackson.DatabindCodec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sovereign verify ATTESTATION.json [--log URL|DIR] --log-key FILE}: checks an attestation
 * offline; exit 0 only if every check holds.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description =
        "Verify an attestation: signature, inclusion proof, checkpoint (exit 0 only if all hold).")
final class VerifyCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      description = "a response body, a stream's last chunk, or the _sf_attestation object")
  Path attestation;

  @Option(names = "--log-key", required = true, description = "the log's verifier key (log.pub)")
  Path logKey;

  @Option(
      names = "--log",
      description = "the log (a tlog-tiles URL or directory) to check freshness against")
  String log;

  @Override
  public Integer call() {
    NoteVerifierKey key;
    JsonNode node;
    try {
      key = NoteVerifierKey.parse(Files.readString(logKey).strip());
      node = DatabindCodec.mapper().readTree(Files.readAllBytes(attestation));
    } catch (IOException | FormatException e) {
      System.err.println("sovereign verify: " + e.getMessage());
      return 2;
    }
    JsonNode target = node.has("_sf_attestation") ? node.get("_sf_attestation") : node;
    Optional<byte[]> current;
    try {
      current = log == null ? Optional.empty() : Optional.of(checkpoint(log));
    } catch (IOException e) {
      System.err.println("sovereign verify: cannot read the log's checkpoint: " + e.getMessage());
      return 2;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 2;
    }
    List<AttestationVerifier.Check> checks = new AttestationVerifier(key).verify(target, current);
    boolean ok = !checks.isEmpty() && checks.stream().allMatch(AttestationVerifier.Check::ok);
    for (AttestationVerifier.Check c : checks) {
      System.out.printf("%-4s %s: %s%n", c.ok() ? "ok" : "FAIL", c.name(), c.detail());
    }
    System.out.println(ok ? "VERIFIED" : "NOT VERIFIED");
    return ok ? 0 : 1;
  }

  private static byte[] checkpoint(String log) throws IOException, InterruptedException {
    if (log.startsWith("http://") || log.startsWith("https://")) {
      String base = log.endsWith("/") ? log : log + "/";
      HttpResponse<byte[]> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(base + "checkpoint"))
                      .timeout(Duration.ofSeconds(20))
                      .build(),
                  HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() != 200) {
        throw new IOException(base + "checkpoint answered " + r.statusCode());
      }
      return r.body();
    }
    return Files.readAllBytes(Path.of(log).resolve("checkpoint"));
  }
}
