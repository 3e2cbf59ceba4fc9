package io.sovereignrouter.gateway.policy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code opa run --server} (the pinned binary of {@code policies/OPA_VERSION}) on a free
 * loopback port with the repository's {@code policies/} loaded; the same setup as the policy
 * module's {@code OpaServer}. The binary is {@code $SOVEREIGN_OPA}, else what {@code ./sovereign
 * test} installs under {@code target/tools/}; without it the test fails with that hint.
 */
final class OpaServerProcess implements AutoCloseable {
  private final Process process;
  private final URI base;

  private OpaServerProcess(Process process, URI base) {
    this.process = process;
    this.base = base;
  }

  /** The repository root: the nearest ancestor of the working directory holding policies/. */
  static Path repoRoot() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("policies/OPA_VERSION"))) {
        return p;
      }
    }
    throw new IllegalStateException(
        "no policies/OPA_VERSION above " + Path.of("").toAbsolutePath());
  }

  static Path binary() throws IOException {
    String version =
        Files.readString(repoRoot().resolve("policies/OPA_VERSION"), StandardCharsets.UTF_8)
            .strip();
    String env = System.getenv("SOVEREIGN_OPA");
    Path path =
        env != null && !env.isEmpty()
            ? Path.of(env)
            : repoRoot().resolve("target/tools/opa-" + version + "/opa");
    if (!Files.isExecutable(path)) {
      throw new IllegalStateException(
          "OPA "
              + version
              + " not found at "
              + path
              + "; run './sovereign test' or set SOVEREIGN_OPA");
    }
    return path;
  }

  /** Starts the server and waits until {@code /health} answers 200. */
  static OpaServerProcess start() throws IOException, InterruptedException {
    Path root = repoRoot();
    Path log = Files.createTempFile("opa-server", ".log");
    for (int attempt = 0; attempt < 3; attempt++) {
      int port = freePort();
      Process p =
          new ProcessBuilder(
                  List.of(
                      binary().toString(),
                      "run",
                      "--server",
                      "--disable-telemetry",
                      "--addr",
                      "127.0.0.1:" + port,
                      "--log-level",
                      "error",
                      "--ignore",
                      "*_test.rego",
                      "--ignore",
                      "testdata",
                      "policies/"))
              .directory(root.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      URI base = URI.create("http://127.0.0.1:" + port);
      if (awaitHealthy(p, base)) {
        return new OpaServerProcess(p, base);
      }
      p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
    throw new IOException("opa server did not become healthy; see " + log);
  }

  private static boolean awaitHealthy(Process p, URI base) throws InterruptedException {
    try (HttpClient client =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (System.nanoTime() < deadline && p.isAlive()) {
        try {
          HttpResponse<Void> r =
              client.send(
                  HttpRequest.newBuilder(base.resolve("/health"))
                      .timeout(Duration.ofSeconds(2))
                      .build(),
                  HttpResponse.BodyHandlers.discarding());
          if (r.statusCode() == 200) {
            return true;
          }
        } catch (IOException e) {
          // not listening yet
        }
        Thread.sleep(100);
      }
      return false;
    }
  }

  /** A loopback port nothing listens on (right now). */
  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  URI base() {
    return base;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
  }
}
