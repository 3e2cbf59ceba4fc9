package io.sovereignrouter.gateway.storage.postgres;

import io.sovereignrouter.gateway.config.PostgresConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server per test JVM (zonky embedded binaries), on 127.0.0.1 and a random free
 * port, started on first use and stopped when the JVM exits. Each caller of {@link #freshDatabase}
 * gets a new, empty database, so test classes never see each other's rows.
 *
 * <pre>{@code
 * PostgresConfig config = EmbeddedPostgresServer.freshDatabase();
 * PostgresDatabase db = PostgresDatabase.open(vertx, config).await();
 * }</pre>
 */
public final class EmbeddedPostgresServer {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  private EmbeddedPostgresServer() {}

  /**
   * Creates a new empty database on the shared server.
   *
   * @return a config pointing at it (user {@code postgres}, trust authentication, no password)
   */
  public static PostgresConfig freshDatabase() {
    EmbeddedPostgres pg = server();
    String name = "sov_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database " + name, e);
    }
    return config(pg.getPort(), name);
  }

  /**
   * A config for an existing database on the server at {@code port} (e.g. in a child JVM).
   *
   * @param port the server's port
   * @param database the database
   * @return the config
   */
  public static PostgresConfig config(int port, String database) {
    return new PostgresConfig("127.0.0.1", port, database, "postgres", null, 4, 5_000L);
  }

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server =
            EmbeddedPostgres.builder()
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", "on")
                .setCleanDataDirectory(true)
                .setRegisterShutdownHook(true)
                .start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
      }
    }
    return server;
  }
}
