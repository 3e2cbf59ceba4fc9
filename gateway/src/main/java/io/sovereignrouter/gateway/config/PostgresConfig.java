package io.sovereignrouter.gateway.config;

import java.util.Objects;
import java.util.Optional;

/**
 * A PostgreSQL connection pool ({@code storage.postgres}).
 *
 * @param host server host (default {@code 127.0.0.1})
 * @param port server port (default 5432)
 * @param database database name (required)
 * @param user role to connect as (required)
 * @param passwordRef secret reference for the password, resolved through the keystore chain ({@code
 *     env:NAME}, {@code file:NAME}, a bare name); absent for trust/peer authentication. The
 *     password itself never appears in the config, logs or errors.
 * @param poolSize most pooled connections per gateway process (default 8, at least 2)
 * @param connectTimeoutMs TCP connect deadline (default 5000)
 */
public record PostgresConfig(
    String host,
    Integer port,
    String database,
    String user,
    String passwordRef,
    Integer poolSize,
    Long connectTimeoutMs) {

  /** Fills defaults and checks values; errors name the key. */
  public PostgresConfig {
    host = Objects.requireNonNullElse(host, "127.0.0.1");
    port = Objects.requireNonNullElse(port, 5432);
    poolSize = Objects.requireNonNullElse(poolSize, 8);
    connectTimeoutMs = Objects.requireNonNullElse(connectTimeoutMs, 5_000L);
    if (host.isBlank()) {
      throw new ConfigException("storage.postgres.host must not be blank");
    }
    if (port < 1 || port > 65535) {
      throw new ConfigException("storage.postgres.port must be in [1, 65535], was " + port);
    }
    if (database == null || database.isBlank()) {
      throw new ConfigException("storage.postgres.database is required");
    }
    if (user == null || user.isBlank()) {
      throw new ConfigException("storage.postgres.user is required");
    }
    if (passwordRef != null && passwordRef.isBlank()) {
      throw new ConfigException("storage.postgres.password-ref must not be blank when set");
    }
    // The log integrator holds one connection while it reads tiles through another.
    if (poolSize < 2 || poolSize > 1000) {
      throw new ConfigException("storage.postgres.pool-size must be in [2, 1000], was " + poolSize);
    }
    if (connectTimeoutMs <= 0) {
      throw new ConfigException(
          "storage.postgres.connect-timeout-ms must be positive, was " + connectTimeoutMs);
    }
  }

  /**
   * The password's secret reference, if the server wants a password.
   *
   * @return the reference (never the password)
   */
  public Optional<String> password() {
    return Optional.ofNullable(passwordRef);
  }

  /** Prints every field except that the password reference is shown, never a password. */
  @Override
  public String toString() {
    return "PostgresConfig[" + user + "@" + host + ":" + port + "/" + database + "]";
  }
}
