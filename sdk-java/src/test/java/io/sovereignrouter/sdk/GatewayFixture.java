package io.sovereignrouter.sdk;

import io.sovereignrouter.attestation.Ed25519Signer;
import io.sovereignrouter.gateway.Gateway;
import io.sovereignrouter.gateway.config.ConfigLoader;
import io.sovereignrouter.gateway.config.GatewayConfig;
import io.sovereignrouter.sdk.admin.SovereignAdmin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real gateway per test class, in-process on loopback port 0 with a fresh data directory:
 * {@code @RegisterExtension static final GatewayFixture gateway = new GatewayFixture();}
 */
public final class GatewayFixture implements BeforeAllCallback, AfterAllCallback {
  private final String extraYaml;
  private Path dataDir;
  private Gateway gateway;

  /** The gateway of {@code sdk-gateway.yaml}. */
  public GatewayFixture() {
    this("");
  }

  /**
   * The gateway of {@code sdk-gateway.yaml} with more top-level YAML appended.
   *
   * @param extraYaml top-level sections the file does not have, e.g. {@code attestation: …}
   */
  public GatewayFixture(String extraYaml) {
    this.extraYaml = extraYaml;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    dataDir = Files.createTempDirectory("sovereign-sdk-it-");
    GatewayConfig config = ConfigLoader.parseYaml(resource("/sdk-gateway.yaml") + "\n" + extraYaml);
    config = config.withServer(config.server().withListeners("127.0.0.1", 0, 0, dataDir));
    gateway = Gateway.start(config, Map.of());
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    try {
      gateway.close();
    } finally {
      try (Stream<Path> paths = Files.walk(dataDir)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** {@code http://127.0.0.1:PORT} of the data plane. */
  public String origin() {
    return "http://127.0.0.1:" + gateway.port();
  }

  /** {@code http://127.0.0.1:PORT} of the admin listener. */
  public String adminOrigin() {
    return "http://127.0.0.1:" + gateway.adminPort();
  }

  /** The demo tenant's key. */
  public String demoKey() {
    return gateway.demoKey().orElseThrow().value();
  }

  /** The admin token. */
  public String adminToken() {
    return gateway.adminToken().value();
  }

  /** The content of {@code log.pub}: what a client pins. */
  public String logPub() {
    try {
      return Files.readString(dataDir.resolve("log.pub"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The log's signing key: lets a test forge what only a compromised log could sign. */
  public Ed25519Signer logSigner() {
    return gateway.auditLog().signer();
  }

  /** A client with the demo key and the given retry policy. */
  public SovereignClient client(RetryPolicy retry) {
    return SovereignClient.builder().baseUrl(origin()).apiKey(demoKey()).retryPolicy(retry).build();
  }

  /** A client with the demo key and the default retry policy. */
  public SovereignClient client() {
    return client(RetryPolicy.defaults());
  }

  /** An admin client. */
  public SovereignAdmin admin() {
    return SovereignAdmin.builder()
        .baseUrl(adminOrigin())
        .adminToken(gateway.adminToken().value())
        .build();
  }

  static String resource(String name) {
    try (InputStream in = GatewayFixture.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
