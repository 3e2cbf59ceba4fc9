package io.sovereignrouter.gateway.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Listener and limit settings.
 *
 * @param host data-plane bind address
 * @param port data-plane port (0 picks a free port)
 * @param adminHost admin bind address (loopback unless configured)
 * @param adminPort admin port (0 picks a free port)
 * @param dataDir where the database, log and generated secrets live
 * @param bodyLimitBytes largest accepted request body; larger bodies get 413
 * @param eventLoops number of data-plane verticle instances (0: one per core)
 */
public record ServerConfig(
    String host,
    Integer port,
    String adminHost,
    Integer adminPort,
    Path dataDir,
    Long bodyLimitBytes,
    Integer eventLoops) {
  /**
   * All defaults: loopback, 8080/8081, {@code .sovereign}, 4 MiB bodies, one event loop per core.
   */
  public static final ServerConfig DEFAULT =
      new ServerConfig(null, null, null, null, null, null, null);

  /** Fills unset settings with the defaults, then checks ranges. */
  public ServerConfig {
    host = Objects.requireNonNullElse(host, "127.0.0.1");
    port = Objects.requireNonNullElse(port, 8080);
    adminHost = Objects.requireNonNullElse(adminHost, "127.0.0.1");
    adminPort = Objects.requireNonNullElse(adminPort, 8081);
    dataDir = Objects.requireNonNullElse(dataDir, Path.of(".sovereign"));
    bodyLimitBytes = Objects.requireNonNullElse(bodyLimitBytes, 4L * 1024 * 1024);
    eventLoops = Objects.requireNonNullElse(eventLoops, 0);
    checkPort("port", port);
    checkPort("admin-port", adminPort);
    if (bodyLimitBytes < 1024) {
      throw new ConfigException(
          "server.body-limit-bytes must be at least 1024, was " + bodyLimitBytes);
    }
    if (eventLoops < 0) {
      throw new ConfigException("server.event-loops must be >= 0, was " + eventLoops);
    }
  }

  private static void checkPort(String name, int value) {
    if (value < 0 || value > 65535) {
      throw new ConfigException("server." + name + " must be in 0..65535, was " + value);
    }
  }

  /** Returns a copy with other ports and data directory (CLI overrides). */
  public ServerConfig withListeners(
      String newHost, int newPort, int newAdminPort, Path newDataDir) {
    return new ServerConfig(
        newHost, newPort, adminHost, newAdminPort, newDataDir, bodyLimitBytes, eventLoops);
  }
}
