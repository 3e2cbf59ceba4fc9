package io.sovereignrouter.gateway.storage.postgres;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sovereignrouter.gateway.config.PostgresConfig;
import io.sovereignrouter.gateway.config.PostgresSslMode;
import io.sovereignrouter.gateway.storage.StorageException;
import io.vertx.core.Vertx;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code storage.postgres.ssl-mode} against a real PostgreSQL with {@code ssl = on}: a self-signed
 * server certificate for {@code 127.0.0.1} made by the {@code openssl} CLI (a test prerequisite,
 * like the embedded PostgreSQL binaries).
 */
class PostgresTlsIT {
  @TempDir static Path dir;
  private static Vertx vertx;
  private static EmbeddedPostgres server;
  private static Path serverCa;
  private static Path otherCa;

  @BeforeAll
  static void start() throws Exception {
    serverCa = selfSigned("server", "subjectAltName=IP:127.0.0.1");
    otherCa = selfSigned("other", "subjectAltName=IP:127.0.0.1");
    server =
        EmbeddedPostgres.builder()
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("ssl", "on")
            .setServerConfig("ssl_cert_file", serverCa.toString())
            .setServerConfig("ssl_key_file", dir.resolve("server.key").toString())
            .setCleanDataDirectory(true)
            .start();
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() throws IOException {
    if (vertx != null) {
      vertx.close().await();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void open_verifyFullWithServerCa_connects() {
    PostgresDatabase.open(vertx, config("127.0.0.1", PostgresSslMode.VERIFY_FULL, serverCa))
        .await()
        .close();
  }

  @Test
  void open_require_connectsWithoutVerifying() {
    PostgresDatabase.open(vertx, config("127.0.0.1", PostgresSslMode.REQUIRE, null))
        .await()
        .close();
  }

  @Test
  void open_verifyFullWithAnotherCa_fails() {
    PostgresConfig config = config("127.0.0.1", PostgresSslMode.VERIFY_FULL, otherCa);
    StorageException e =
        assertThrows(StorageException.class, () -> PostgresDatabase.open(vertx, config).await());
    assertTrue(e.getMessage().contains("ssl-mode=verify-full"), e.getMessage());
    // Vert.x reports the failed handshake without its cause; the same server and CA connect in
    // open_verifyFullWithServerCa_connects, so it is the unknown CA that fails it.
    assertTrue(causes(e).contains("SSL handshake failed"), causes(e));
  }

  @Test
  void open_verifyFullWithHostNotInCertificate_fails() {
    // "localhost" reaches the same server (the handshake starts), but the certificate names only
    // IP 127.0.0.1, so the RFC 2818 host check fails it.
    PostgresConfig config = config("localhost", PostgresSslMode.VERIFY_FULL, serverCa);
    StorageException e =
        assertThrows(StorageException.class, () -> PostgresDatabase.open(vertx, config).await());
    assertTrue(causes(e).contains("SSL handshake failed"), causes(e));
  }

  private static String causes(Throwable e) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      all.append(t).append(" <- ");
    }
    return all.toString();
  }

  @Test
  void open_disableAgainstTlsServer_stillConnects() {
    // ssl = on accepts plain connections too (pg_hba "host"); disable means no TLS attempt.
    PostgresDatabase.open(vertx, config("127.0.0.1", PostgresSslMode.DISABLE, null))
        .await()
        .close();
  }

  private static PostgresConfig config(String host, PostgresSslMode mode, Path rootCert) {
    return new PostgresConfig(
        host,
        server.getPort(),
        "postgres",
        "postgres",
        null,
        2,
        5_000L,
        mode,
        rootCert == null ? null : rootCert.toString());
  }

  /** Writes NAME.crt (self-signed, also the CA to trust) and NAME.key (mode 0600). */
  private static Path selfSigned(String name, String san) throws Exception {
    Path cert = dir.resolve(name + ".crt");
    Path key = dir.resolve(name + ".key");
    Process p =
        new ProcessBuilder(
                List.of(
                    "openssl",
                    "req",
                    "-x509",
                    "-newkey",
                    "rsa:2048",
                    "-nodes",
                    "-days",
                    "2",
                    "-subj",
                    "/CN=" + name,
                    "-addext",
                    san,
                    "-keyout",
                    key.toString(),
                    "-out",
                    cert.toString()))
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("openssl req failed: " + out);
    }
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    return cert;
  }
}
