package io.sovereignrouter.gateway;

import io.sovereignrouter.gateway.config.ConfigLoader;
import io.sovereignrouter.gateway.config.GatewayConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** A real gateway on loopback with free ports, for integration tests. */
public final class TestGateway implements AutoCloseable {
  private final Gateway gateway;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final java.util.List<Throwable> unhandled =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  private TestGateway(Gateway gateway) {
    this.gateway = gateway;
    gateway.vertx().exceptionHandler(unhandled::add);
  }

  /** Starts with {@code conformance.yaml} in {@code dataDir}. */
  public static TestGateway start(Path dataDir) {
    return start(dataDir, resource("/conformance.yaml"), Map.of());
  }

  /** Starts with the given YAML config in {@code dataDir} and environment. */
  public static TestGateway start(Path dataDir, String yaml, Map<String, String> env) {
    GatewayConfig config = ConfigLoader.parseYaml(yaml + scaleOutBackend(yaml));
    config = config.withServer(config.server().withListeners("127.0.0.1", 0, 0, dataDir));
    return new TestGateway(Gateway.start(config, env));
  }

  /**
   * With {@code -Dsovereign.test.backend=postgres} (the second failsafe run), a config that does
   * not choose its storage gets a fresh PostgreSQL database and Redis limits, so the same suite
   * runs on both backends.
   */
  static String scaleOutBackend(String yaml) {
    if (!"postgres".equals(System.getProperty("sovereign.test.backend"))
        || yaml.contains("\nstorage:")
        || yaml.contains("\nrate-limits:")) {
      return "";
    }
    io.sovereignrouter.gateway.config.PostgresConfig pg =
        io.sovereignrouter.gateway.storage.postgres.EmbeddedPostgresServer.freshDatabase();
    return "\nstorage:\n  backend: postgres\n  postgres: { host: 127.0.0.1, port: "
        + pg.port()
        + ", database: "
        + pg.database()
        + ", user: postgres }\nrate-limits: { backend: redis, redis-url: \""
        + io.sovereignrouter.gateway.ratelimit.EmbeddedRedisServer.url()
        + "\", key-prefix: "
        + pg.database()
        + " }\n";
  }

  /** Reads a classpath resource as UTF-8. */
  public static String resource(String name) {
    try (InputStream in = TestGateway.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Gateway gateway() {
    return gateway;
  }

  /** {@code http://127.0.0.1:PORT}. */
  public String origin() {
    return "http://127.0.0.1:" + gateway.port();
  }

  /** {@code http://127.0.0.1:PORT/v1}, what OpenAI clients take as base URL. */
  public String baseUrl() {
    return origin() + "/v1";
  }

  public String adminOrigin() {
    return "http://127.0.0.1:" + gateway.adminPort();
  }

  /** The demo tenant's key. */
  public String demoKey() {
    return gateway.demoKey().orElseThrow().value();
  }

  public String adminToken() {
    return gateway.adminToken().value();
  }

  /** Sends one request with the JDK client and reads the body as text. */
  public HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Calls the admin API with the admin token.
   *
   * @param timeout the request's deadline
   * @param method HTTP method
   * @param path e.g. {@code /admin/v1/tenants}
   * @param body JSON, or {@code null} for none
   */
  public HttpResponse<String> admin(Duration timeout, String method, String path, String body) {
    return adminAs(adminToken(), timeout, method, path, body);
  }

  /**
   * Calls the admin API presenting {@code token} ({@code null}: no Authorization header).
   *
   * @param token the bearer token to present, or {@code null}
   * @param timeout the request's deadline
   * @param method HTTP method
   * @param path e.g. {@code /admin/v1/tenants}
   * @param body JSON, or {@code null} for none
   */
  public HttpResponse<String> adminAs(
      String token, Duration timeout, String method, String path, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(adminOrigin() + path))
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return send(b.build());
  }

  /** POSTs JSON with the demo key. */
  public HttpResponse<String> postJson(String path, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(origin() + path))
            .header("Authorization", "Bearer " + demoKey())
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(20))
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  /** Stops the gateway; fails if any exception escaped to a Vert.x context meanwhile. */
  @Override
  public void close() {
    gateway.close();
    if (!unhandled.isEmpty()) {
      AssertionError error =
          new AssertionError(unhandled.size() + " unhandled exception(s) on Vert.x threads");
      unhandled.forEach(error::addSuppressed);
      throw error;
    }
  }
}
