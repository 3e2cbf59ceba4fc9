package io.sovereignrouter.policy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code opa run --server} on a free loopback port with {@code policies/} loaded, for the
 * cross-engine tests. Its log goes to {@code target/opa-server.log}.
 */
final class OpaServer implements AutoCloseable {
  private final Process process;
  private final URI base;

  private OpaServer(Process process, URI base) {
    this.process = process;
    this.base = base;
  }

  /** Starts the server and waits until {@code /health} answers 200. */
  static OpaServer start() throws IOException, InterruptedException {
    IOException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      int port = freePort();
      Path log = RepoFiles.root().resolve("policy/target/opa-server.log");
      Process p =
          new ProcessBuilder(
                  List.of(
                      OpaBinary.path().toString(),
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
              .directory(RepoFiles.root().toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      URI base = URI.create("http://127.0.0.1:" + port);
      if (awaitHealthy(p, base)) {
        return new OpaServer(p, base);
      }
      p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      last = new IOException("opa server did not become healthy on port " + port + "; see " + log);
    }
    throw last;
  }

  private static boolean awaitHealthy(Process p, URI base) throws InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
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

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** The server's base URI, e.g. {@code http://127.0.0.1:40123}. */
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
