package io.sovereignrouter.keystore.aws;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit extension running moto's AWS emulator in server mode ({@code moto_server}) on a free
 * loopback port, one process per test class. The binary comes from {@code SOVEREIGN_MOTO_SERVER}
 * (set by {@code ./sovereign test}), else {@code target/pyvenv/bin/moto_server} at the repo root. A
 * missing binary fails the tests: they are never skipped.
 */
public final class MotoServer implements BeforeAllCallback, AfterAllCallback {
  static final String ENV = "SOVEREIGN_MOTO_SERVER";

  private Process process;
  private URI endpoint;
  private Path log;

  /**
   * The emulator's endpoint, for {@code endpointOverride}.
   *
   * @return the http URL
   */
  public URI endpoint() {
    return endpoint;
  }

  static Path binary() {
    String env = System.getenv(ENV);
    Path candidate =
        env != null && !env.isBlank()
            ? Path.of(env)
            : Path.of(System.getProperty("user.dir"))
                .getParent()
                .resolve("target/pyvenv/bin/moto_server");
    if (!Files.isExecutable(candidate)) {
      throw new IllegalStateException(
          "moto_server not found at "
              + candidate
              + ": run the tests with ./sovereign test (it installs moto[server]==5.2.5 into"
              + " target/pyvenv), or set "
              + ENV
              + " to a moto_server binary");
    }
    return candidate;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    Path bin = binary();
    Path dir = Path.of(System.getProperty("user.dir"), "target");
    Files.createDirectories(dir);
    log = dir.resolve("moto-" + context.getRequiredTestClass().getSimpleName() + ".log");
    IOException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      int port = freePort();
      process =
          new ProcessBuilder(
                  List.of(bin.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port)))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      endpoint = URI.create("http://127.0.0.1:" + port);
      try {
        awaitReady(Duration.ofSeconds(60));
        return;
      } catch (IOException e) {
        last = e;
        process.destroyForcibly().waitFor();
      }
    }
    throw new IllegalStateException("moto_server did not start; log: " + tail(), last);
  }

  private void awaitReady(Duration timeout) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IOException("moto_server exited with " + process.exitValue());
      }
      try {
        HttpURLConnection c =
            (HttpURLConnection) endpoint.resolve("/moto-api/").toURL().openConnection();
        c.setConnectTimeout(500);
        c.setReadTimeout(2000);
        if (c.getResponseCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(100);
    }
    throw new IOException("moto_server not ready after " + timeout);
  }

  private String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (process != null) {
      process.destroy();
      if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }
}
