package io.sovereignrouter.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.sovereignrouter.attestation.AttestationException;
import io.sovereignrouter.attestation.AttestationVerification;
import io.sovereignrouter.attestation.AttestationVerifier;
import io.sovereignrouter.attestation.Envelope;
import io.sovereignrouter.attestation.Envelopes;
import io.sovereignrouter.attestation.FormatException;
import io.sovereignrouter.attestation.LogKeys;
import io.sovereignrouter.attestation.LogSource;
import io.sovereignrouter.attestation.LogStorageException;
import io.sovereignrouter.attestation.NoteVerifierKey;
import io.sovereignrouter.attestation.SigstoreBundles;
import io.sovereignrouter.attestation.TilePath;
import io.vertx.core.json.jackson.DatabindCodec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sovereign verify ATTESTATION.json --log-key FILE [--log URL|DIR] [--export-bundle FILE]
 * [--export-signature-bundle FILE] [--export-trusted-root FILE] [--export-key FILE] [--log-url
 * URL]}: runs the attestation module's {@link AttestationVerifier}; exit 0 only if every check
 * holds, 1 if one fails, 2 if the inputs cannot be read or an export cannot be written. Exports are
 * written only for a verified attestation.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description =
        "Verify an attestation: signature, every signed field, inclusion proof, checkpoint and"
            + " (with --log) consistency with the log now. Exit 0 only if all hold.")
final class VerifyCommand implements Callable<Integer> {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final int MAX_DIRECT = 1 << 20;
  // The log key carries no creation time; its trust in the exported root starts at the epoch.
  private static final Instant TRUSTED_FROM = Instant.EPOCH;

  @Parameters(
      index = "0",
      description = "a response body, a stream's last chunk, or the _sf_attestation object")
  Path attestation;

  @Option(
      names = "--log-key",
      required = true,
      description =
          "the log's verifier key (log.pub), or every key it has used, one per line"
              + " (log-keys.pub, after a log-key rotate)")
  Path logKey;

  @Option(
      names = "--log",
      description = "the log (a tlog-tiles URL or directory) to check freshness against")
  String log;

  @Option(
      names = "--export-bundle",
      paramLabel = "FILE",
      description =
          "after a successful verification, write the attestation as a Sigstore bundle v0.3")
  Path exportBundle;

  @Option(
      names = "--export-signature-bundle",
      paramLabel = "FILE",
      description =
          "after a successful verification, write a Sigstore bundle of the DSSE signature alone"
              + " (no log entry: what cosign can check with --insecure-ignore-tlog)")
  Path exportSignatureBundle;

  @Option(
      names = "--export-trusted-root",
      paramLabel = "FILE",
      description =
          "after a successful verification, write a Sigstore trusted root naming the log key")
  Path exportTrustedRoot;

  @Option(
      names = "--export-key",
      paramLabel = "FILE",
      description = "after a successful verification, write the log key as a PEM public key")
  Path exportKey;

  @Option(
      names = "--log-url",
      paramLabel = "URL",
      description =
          "the log's base URL for the trusted root (default: --log when it is a URL, else"
              + " https://<log origin>)")
  String logUrl;

  @Override
  public Integer call() {
    LogKeys keys;
    byte[] target;
    try {
      keys = LogKeys.parse(Files.readString(logKey));
      target = attestationBytes(Files.readAllBytes(attestation));
    } catch (IOException | FormatException e) {
      System.err.println("sovereign verify: " + e.getMessage());
      return 2;
    }
    AttestationVerifier verifier = AttestationVerifier.of(keys);
    AttestationVerification result;
    try {
      result = log == null ? verifier.verify(target) : verifier.verify(target, source(log));
    } catch (AttestationException e) {
      System.out.println("FAIL log: " + e.getMessage());
      System.out.println("NOT VERIFIED");
      return 1;
    }
    for (AttestationVerification.Check c : result.checks()) {
      System.out.printf("%-4s %s: %s%n", c.ok() ? "ok" : "FAIL", c.name(), c.detail());
    }
    System.out.println(result.ok() ? "VERIFIED" : "NOT VERIFIED");
    if (!result.ok()) {
      return 1;
    }
    try {
      export(signingKey(keys, target), target);
    } catch (IOException | AttestationException e) {
      System.err.println("sovereign verify: export failed: " + e.getMessage());
      return 2;
    }
    return 0;
  }

  /** The pinned key that signed the (verified) attestation's envelope. */
  private static NoteVerifierKey signingKey(LogKeys keys, byte[] target) throws IOException {
    JsonNode node = DatabindCodec.mapper().readTree(target);
    if (node.has("_sf_attestation")) {
      node = node.get("_sf_attestation");
    }
    Envelope envelope = Envelopes.fromJson(node.get("envelope"));
    for (NoteVerifierKey key : keys.keys()) {
      if (Envelopes.verify(envelope, key).ok()) {
        return key;
      }
    }
    return keys.current();
  }

  /** Writes the requested Sigstore files; only a verified attestation gets here. */
  private void export(NoteVerifierKey key, byte[] target) throws IOException {
    if (exportBundle != null) {
      Files.write(exportBundle, SigstoreBundles.bundle(target, key));
      System.out.println("wrote Sigstore bundle " + exportBundle);
    }
    if (exportSignatureBundle != null) {
      Files.write(exportSignatureBundle, SigstoreBundles.signatureBundle(target, key));
      System.out.println("wrote Sigstore signature bundle " + exportSignatureBundle);
    }
    if (exportTrustedRoot != null) {
      String base =
          logUrl != null
              ? logUrl
              : log != null && log.matches("https?://.*") ? log : "https://" + key.name();
      Files.write(
          exportTrustedRoot,
          DatabindCodec.mapper()
              .writerWithDefaultPrettyPrinter()
              .writeValueAsBytes(SigstoreBundles.trustedRoot(key, base, TRUSTED_FROM)));
      System.out.println("wrote Sigstore trusted root " + exportTrustedRoot);
    }
    if (exportKey != null) {
      Files.writeString(exportKey, SigstoreBundles.pem(key));
      System.out.println("wrote log key " + exportKey);
    }
  }

  /**
   * The bytes to verify. The verifier reads the file itself (strictly: a duplicated member is
   * rejected there) unless it exceeds the verifier's 1 MiB cap, as a large embeddings answer can;
   * then only its {@code _sf_attestation} member is cut out here.
   */
  static byte[] attestationBytes(byte[] file) throws IOException {
    if (file.length <= MAX_DIRECT) {
      return file;
    }
    JsonNode node = DatabindCodec.mapper().readTree(file);
    if (node != null && node.has("_sf_attestation")) {
      return DatabindCodec.mapper().writeValueAsBytes(node.get("_sf_attestation"));
    }
    return file;
  }

  /** A directory path, or an {@code http(s)://…/log} base URL read with the JDK client. */
  static LogSource source(String log) {
    if (!log.startsWith("http://") && !log.startsWith("https://")) {
      return LogSource.directory(Path.of(log));
    }
    String base = log.endsWith("/") ? log : log + "/";
    HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    return new LogSource() {
      @Override
      public byte[] checkpoint() {
        return get(http, base + "checkpoint")
            .orElseThrow(() -> new LogStorageException(base + "checkpoint: not found"));
      }

      @Override
      public Optional<byte[]> tile(TilePath path) {
        return get(http, base + path.format());
      }
    };
  }

  private static Optional<byte[]> get(HttpClient http, String url) {
    try {
      HttpResponse<byte[]> r =
          http.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      return switch (r.statusCode()) {
        case 200 -> Optional.of(r.body());
        case 404 -> Optional.empty();
        default -> throw new LogStorageException(url + ": status " + r.statusCode());
      };
    } catch (IOException e) {
      throw new LogStorageException(url + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LogStorageException(url + ": interrupted", e);
    }
  }
}
