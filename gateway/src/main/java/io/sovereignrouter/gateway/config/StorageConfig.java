package io.sovereignrouter.gateway.config;

import java.util.Objects;
import java.util.Optional;

/**
 * Where state and the audit log live ({@code storage}).
 *
 * @param backend {@code sqlite} (default: one process, data directory) or {@code postgres}
 * @param postgres the pool settings; required when {@code backend} is {@code postgres}
 */
public record StorageConfig(StorageBackend backend, PostgresConfig postgres) {
  /** SQLite and the file log in the data directory. */
  public static final StorageConfig DEFAULT = new StorageConfig(null, null);

  /** Fills the default backend; a postgres backend needs its section. */
  public StorageConfig {
    backend = Objects.requireNonNullElse(backend, StorageBackend.SQLITE);
    if (backend == StorageBackend.POSTGRES && postgres == null) {
      throw new ConfigException("storage.postgres is required when storage.backend is postgres");
    }
  }

  /**
   * The PostgreSQL settings when the backend is {@code postgres}.
   *
   * @return the settings, empty for sqlite
   */
  public Optional<PostgresConfig> postgresConfig() {
    return backend == StorageBackend.POSTGRES ? Optional.of(postgres) : Optional.empty();
  }
}
