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
  void parse_asyncProof_onlyWithTheFileLog() {
    assertThat(ConfigLoader.parseYaml("attestation:\n  proof: async\n").attestation().asyncProof())
        .isTrue();
    assertThatThrownBy(
            () ->
                ConfigLoader.parseYaml(
                    "attestation:\n  proof: async\nstorage:\n  backend: postgres\n  postgres:\n"
                        + "    database: d\n    user: u\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("attestation.proof: async needs the embedded file log");
    assertThatThrownBy(() -> ConfigLoader.parseYaml("attestation:\n  proof: later\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'later'");
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

  @Test
  void parse_sslModeDefault_isDisable() {
    PostgresConfig pg =
        ConfigLoader.parseYaml("storage:\n  postgres:\n    database: d\n    user: u\n")
            .storage()
            .postgres();
    assertThat(pg.sslMode()).isEqualTo(PostgresSslMode.DISABLE);
    assertThat(pg.rootCert()).isEmpty();
  }

  @Test
  void parse_verifyFullWithRootCert_keepsBoth() {
    PostgresConfig pg =
        ConfigLoader.parseYaml(
                """
                storage:
                  backend: postgres
                  postgres:
                    host: sovereign.abc.eu-central-1.rds.amazonaws.com
                    database: sovereign
                    user: sovereign
                    ssl-mode: verify-full
                    ssl-root-cert: /etc/sovereign/rds-ca/global-bundle.pem
                """)
            .storage()
            .postgres();
    assertThat(pg.sslMode()).isEqualTo(PostgresSslMode.VERIFY_FULL);
    assertThat(pg.rootCert()).contains("/etc/sovereign/rds-ca/global-bundle.pem");
    assertThat(pg.toString()).contains("ssl-mode=verify-full");
  }

  @Test
  void parse_require_withoutRootCert() {
    PostgresConfig pg =
        ConfigLoader.parseYaml(
                "storage:\n  postgres:\n    database: d\n    user: u\n    ssl-mode: require\n")
            .storage()
            .postgres();
    assertThat(pg.sslMode()).isEqualTo(PostgresSslMode.REQUIRE);
  }

  @Test
  void parse_verifyFullWithoutRootCert_namesKey() {
    assertThatThrownBy(
            () ->
                ConfigLoader.parseYaml(
                    "storage:\n  postgres:\n    database: d\n    user: u\n"
                        + "    ssl-mode: verify-full\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("storage.postgres.ssl-root-cert");
  }

  @Test
  void parse_rootCertWithoutVerifyFull_rejected() {
    assertThatThrownBy(
            () ->
                ConfigLoader.parseYaml(
                    "storage:\n  postgres:\n    database: d\n    user: u\n"
                        + "    ssl-mode: require\n    ssl-root-cert: /ca.pem\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("only used with ssl-mode verify-full, was require");
  }

  @Test
  void parse_unknownSslMode_rejected() {
    // libpq's prefer/allow/verify-ca are deliberately not offered.
    assertThatThrownBy(
            () ->
                ConfigLoader.parseYaml(
                    "storage:\n  postgres:\n    database: d\n    user: u\n"
                        + "    ssl-mode: prefer\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("prefer");
  }
}
