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
    Optional<AttestationVerifier.LogView> current;
    try {
      current = log == null ? Optional.empty() : Optional.of(view(log));
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

  private static AttestationVerifier.LogView view(String log)
      throws IOException, InterruptedException {
    if (log.startsWith("http://") || log.startsWith("https://")) {
      String base = log.endsWith("/") ? log : log + "/";
      HttpClient http = HttpClient.newHttpClient();
      byte[] checkpoint =
          get(http, base + "checkpoint")
              .orElseThrow(() -> new IOException(base + "checkpoint not found"));
      return new AttestationVerifier.LogView(
          checkpoint,
          tile -> {
            try {
              return get(http, base + tile.format());
            } catch (IOException e) {
              return Optional.empty();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return Optional.empty();
            }
          });
    }
    Path root = Path.of(log);
    return new AttestationVerifier.LogView(
        Files.readAllBytes(root.resolve("checkpoint")),
        tile -> {
          try {
            return Optional.of(Files.readAllBytes(root.resolve(tile.format())));
          } catch (IOException e) {
            return Optional.empty();
          }
        });
  }

  private static Optional<byte[]> get(HttpClient http, String url)
      throws IOException, InterruptedException {
    HttpResponse<byte[]> r =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    return r.statusCode() == 200 ? Optional.of(r.body()) : Optional.empty();
  }
}
