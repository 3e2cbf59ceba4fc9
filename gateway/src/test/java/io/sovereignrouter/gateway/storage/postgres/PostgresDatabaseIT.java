package io.sovereignrouter.gateway.storage.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sovereignrouter.gateway.config.ConfigException;
import io.sovereignrouter.gateway.config.PostgresConfig;
import io.sovereignrouter.gateway.storage.StorageException;
import io.sovereignrouter.keystore.EnvSecretSource;
import io.sovereignrouter.keystore.Fingerprinter;
import io.sovereignrouter.keystore.SecretResolver;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The migration runner and transaction helpers against a real PostgreSQL. */
class PostgresDatabaseIT {
  private static Vertx vertx;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  @Test
  void open_appliesClasspathMigrationsOnceAndRecordsChecksums() {
    PostgresConfig config = EmbeddedPostgresServer.freshDatabase();
    List<Migration> known = PostgresMigrations.discover();
    assertTrue(known.size() >= 1, "V1__log.sql on the classpath");
    assertEquals("V1__log.sql", known.get(0).name());
    try (PostgresDatabase db = PostgresDatabase.open(vertx, config).await()) {
      List<Row> rows = new ArrayList<>();
      db.pool()
          .query("SELECT version, name, checksum FROM schema_migrations ORDER BY version")
          .execute()
          .await()
          .forEach(rows::add);
      assertEquals(known.size(), rows.size());
      for (int i = 0; i < rows.size(); i++) {
        assertEquals(known.get(i).version(), rows.get(i).getInteger("version"));
        assertEquals(known.get(i).checksum(), rows.get(i).getString("checksum"));
      }
      // The log tables exist.
      db.pool().query("SELECT count(*) FROM log_tiles").execute().await();
      // A second run is a no-op.
      assertEquals(List.of(), PostgresMigrations.apply(db.pool(), known).await());
    }
    // Reopening is fine too.
    PostgresDatabase.open(vertx, config).await().close();
  }

  @Test
  void apply_concurrentReplicasApplyEachScriptOnce() {
    PostgresConfig config = EmbeddedPostgresServer.freshDatabase();
    List<Migration> scripts =
        List.of(
            migration(1, "one", "CREATE TABLE t1 (id int PRIMARY KEY)"),
            migration(2, "two", "INSERT INTO t1 VALUES (1); CREATE TABLE t2 (id int)"));
    List<PostgresDatabase> dbs = new ArrayList<>();
    try {
      for (int i = 0; i < 4; i++) {
        dbs.add(PostgresDatabase.open(vertx, config).await());
      }
      List<Future<List<Integer>>> runs = new ArrayList<>();
      for (PostgresDatabase db : dbs) {
        runs.add(PostgresMigrations.apply(db.pool(), append(scripts)));
      }
      Future.all(runs).await();
      int applied = runs.stream().mapToInt(f -> f.result().size()).sum();
      assertEquals(2, applied, "each new script applied by exactly one replica");
      Row count =
          dbs.get(0).pool().query("SELECT count(*) FROM t1").execute().await().iterator().next();
      assertEquals(1L, count.getLong(0));
    } finally {
      dbs.forEach(PostgresDatabase::close);
    }
  }

  @Test
  void apply_changedScriptIsRefused() {
    PostgresConfig config = EmbeddedPostgresServer.freshDatabase();
    try (PostgresDatabase db = PostgresDatabase.open(vertx, config).await()) {
      List<Migration> edited = new ArrayList<>(PostgresMigrations.discover());
      Migration first = edited.get(0);
      edited.set(
          0,
          Migration.of(
              first.name(), (first.sql() + "\n-- edited").getBytes(StandardCharsets.UTF_8)));
      StorageException e =
          assertThrows(
              StorageException.class, () -> PostgresMigrations.apply(db.pool(), edited).await());
      assertTrue(
          e.getMessage().contains("V1__log.sql changed after it was applied"), e.getMessage());
      // Unknown newer versions in the database are refused too.
      StorageException newer =
          assertThrows(
              StorageException.class, () -> PostgresMigrations.apply(db.pool(), List.of()).await());
      assertTrue(newer.getMessage().contains("does not know"), newer.getMessage());
    }
  }

  @Test
  void apply_failingScriptRollsBackEverything() {
    PostgresConfig config = EmbeddedPostgresServer.freshDatabase();
    try (PostgresDatabase db = PostgresDatabase.open(vertx, config).await()) {
      List<Migration> scripts =
          append(
              List.of(
                  migration(1, "ok", "CREATE TABLE good (id int)"),
                  migration(2, "bad", "CREATE TABLE broken (id nosuchtype)")));
      StorageException e =
          assertThrows(
              StorageException.class, () -> PostgresMigrations.apply(db.pool(), scripts).await());
      assertTrue(e.getMessage().contains("V"), e.getMessage());
      Row row =
          db.pool()
              .preparedQuery("SELECT to_regclass($1) IS NULL")
              .execute(Tuple.of("good"))
              .await()
              .iterator()
              .next();
      assertTrue(row.getBoolean(0), "the first script of the failed run was rolled back");
      assertEquals(
          PostgresMigrations.discover().size(),
          db.pool()
              .query("SELECT count(*) FROM schema_migrations")
              .execute()
              .await()
              .iterator()
              .next()
              .getLong(0));
    }
  }

  @Test
  void withLockedTransaction_serialisesHolders() {
    PostgresConfig config = EmbeddedPostgresServer.freshDatabase();
    try (PostgresDatabase db = PostgresDatabase.open(vertx, config).await()) {
      db.pool()
          .query("CREATE TABLE counter (n int); INSERT INTO counter VALUES (0)")
          .execute()
          .await();
      List<Future<Void>> all = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        all.add(
            db.withLockedTransaction(
                42L,
                conn ->
                    conn.query("SELECT n FROM counter")
                        .execute()
                        .compose(
                            rows ->
                                conn.preparedQuery("UPDATE counter SET n = $1")
                                    .execute(Tuple.of(rows.iterator().next().getInteger(0) + 1)))
                        .mapEmpty()));
      }
      Future.all(all).await();
      assertEquals(
          20,
          db.pool()
              .query("SELECT n FROM counter")
              .execute()
              .await()
              .iterator()
              .next()
              .getInteger(0));
    }
  }

  @Test
  void open_passwordRef_resolvesThroughKeystoreChain() {
    PostgresConfig fresh = EmbeddedPostgresServer.freshDatabase();
    PostgresConfig config = withPassword(fresh, fresh.port(), "env:SOVEREIGN_TEST_PG_PASSWORD");
    // The embedded server trusts loopback, so any resolved password connects.
    PostgresDatabase.open(vertx, config, resolver(Map.of("SOVEREIGN_TEST_PG_PASSWORD", SECRET)))
        .await()
        .close();
  }

  @Test
  void open_unresolvedPasswordRef_namesTheKeyNotASecret() {
    PostgresConfig fresh = EmbeddedPostgresServer.freshDatabase();
    PostgresConfig config = withPassword(fresh, fresh.port(), "env:SOVEREIGN_TEST_PG_PASSWORD");
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> PostgresDatabase.open(vertx, config, resolver(Map.of())));
    assertTrue(e.getMessage().contains("storage.postgres.password-ref"), e.getMessage());
    assertThrows(ConfigException.class, () -> PostgresDatabase.open(vertx, config));
  }

  @Test
  void open_unreachableServer_failsTypedWithoutTheSecret() throws Exception {
    int closedPort;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    PostgresConfig config =
        withPassword(EmbeddedPostgresServer.config(1, "nodb"), closedPort, "env:PW");
    StorageException e =
        assertThrows(
            StorageException.class,
            () -> PostgresDatabase.open(vertx, config, resolver(Map.of("PW", SECRET))).await());
    assertTrue(e.getMessage().contains("127.0.0.1:" + closedPort), e.getMessage());
    assertFalse(e.getMessage().contains(SECRET), e.getMessage());
  }

  private static final String SECRET = "pg-s3cret-value";

  private static PostgresConfig withPassword(PostgresConfig c, int port, String ref) {
    return new PostgresConfig(c.host(), port, c.database(), c.user(), ref, 2, 2_000L);
  }

  private static SecretResolver resolver(Map<String, String> env) {
    return SecretResolver.builder(Fingerprinter.of(new byte[32]))
        .env(EnvSecretSource.of(env))
        .build();
  }

  // The real scripts followed by test-only ones renumbered after them.
  private static List<Migration> append(List<Migration> extra) {
    List<Migration> all = new ArrayList<>(PostgresMigrations.discover());
    int base = all.size();
    for (Migration m : extra) {
      all.add(migration(base + m.version(), "extra_" + m.version(), m.sql()));
    }
    return all;
  }

  private static Migration migration(int version, String name, String sql) {
    return Migration.of("V" + version + "__" + name + ".sql", sql.getBytes(StandardCharsets.UTF_8));
  }
}
