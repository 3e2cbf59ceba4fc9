package io.sovereignrouter.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StorageConfigTest {

  @Test
  void parse_noStorageSection_defaultsToSqlite() {
    GatewayConfig config = ConfigLoader.parseYaml("server:\n  port: 0\n");
    assertThat(config.storage().backend()).isEqualTo(StorageBackend.SQLITE);
    assertThat(config.storage().postgresConfig()).isEmpty();
    assertThat(ConfigLoader.defaults().storage()).isEqualTo(StorageConfig.DEFAULT);
  }

  @Test
  void parse_postgres_fillsDefaults() {
    GatewayConfig config =
        ConfigLoader.parseYaml(
            """
            storage:
              backend: postgres
              postgres:
                host: db.internal
                database: sovereign
                user: gateway
                password-ref: env:SOVEREIGN_PG_PASSWORD
            """);
    PostgresConfig pg = config.storage().postgresConfig().orElseThrow();
    assertThat(pg.host()).isEqualTo("db.internal");
    assertThat(pg.port()).isEqualTo(5432);
    assertThat(pg.poolSize()).isEqualTo(8);
    assertThat(pg.connectTimeoutMs()).isEqualTo(5_000L);
    assertThat(pg.password()).contains("env:SOVEREIGN_PG_PASSWORD");
    assertThat(pg.toString()).doesNotContain("SOVEREIGN_PG_PASSWORD");
  }

  @Test
  void parse_postgresWithoutSection_namesKey() {
    assertThatThrownBy(() -> ConfigLoader.parseYaml("storage:\n  backend: postgres\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("storage.postgres is required");
  }

  @Test
  void parse_missingDatabase_namesKey() {
    assertThatThrownBy(
            () ->
                ConfigLoader.parseYaml(
                    "storage:\n  backend: postgres\n  postgres:\n    user: gateway\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("storage.postgres.database");
  }

  @Test
  void parse_badPoolSize_namesKey() {
    assertThatThrownBy(
            () ->
                ConfigLoader.parseYaml(
                    "storage:\n  postgres:\n    database: d\n    user: u\n    pool-size: 0\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("storage.postgres.pool-size");
  }

  @Test
  void parse_unknownKeyOrBackend_rejected() {
    assertThatThrownBy(() -> ConfigLoader.parseYaml("storage:\n  bogus: 1\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("bogus");
    assertThatThrownBy(() -> ConfigLoader.parseYaml("storage:\n  backend: mysql\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("mysql");
    assertThatThrownBy(
            () ->
                ConfigLoader.parseYaml(
                    "storage:\n  postgres:\n    database: d\n    user: u\n    password: x\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("password");
  }
}
