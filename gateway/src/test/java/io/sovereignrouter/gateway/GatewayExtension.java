package io.sovereignrouter.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real gateway per test class in a fresh data directory: {@code @RegisterExtension static final
 * GatewayExtension gateway = GatewayExtension.conformance();}
 */
public final class GatewayExtension implements BeforeAllCallback, AfterAllCallback {
  private final Supplier<String> yaml;
  private final Map<String, String> environment;
  private Path dataDir;
  private TestGateway gateway;

  private GatewayExtension(Supplier<String> yaml, Map<String, String> environment) {
    this.yaml = yaml;
    this.environment = Map.copyOf(environment);
  }

  /** The gateway of {@code conformance.yaml}. */
  public static GatewayExtension conformance() {
    return of(() -> TestGateway.resource("/conformance.yaml"), Map.of());
  }

  /** A gateway of the YAML {@code yaml} yields when the class starts (so it may embed ports). */
  public static GatewayExtension of(Supplier<String> yaml, Map<String, String> environment) {
    return new GatewayExtension(yaml, environment);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    dataDir = Files.createTempDirectory("sovereign-it-");
    gateway = TestGateway.start(dataDir, yaml.get(), environment);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    try {
      gateway.close();
    } finally {
      deleteTree(dataDir);
    }
  }

  /** The running gateway. */
  public TestGateway get() {
    if (gateway == null) {
      throw new IllegalStateException("the gateway starts before all tests of the class");
    }
    return gateway;
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
