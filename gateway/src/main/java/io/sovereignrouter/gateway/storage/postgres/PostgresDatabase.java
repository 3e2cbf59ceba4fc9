package io.sovereignrouter.gateway.storage.postgres;

import io.sovereignrouter.gateway.config.ConfigException;
import io.sovereignrouter.gateway.config.PostgresConfig;
import io.sovereignrouter.gateway.config.SecretReferences;
import io.sovereignrouter.gateway.storage.StorageException;
import io.sovereignrouter.keystore.SecretResolver;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.ClientSSLOptions;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnection;
import java.util.function.Function;

/**
 * One pooled PostgreSQL database shared by every gateway replica: owns the Vert.x {@link Pool} and
 * brings the schema up to date on {@link #open} (see {@link PostgresMigrations}).
 *
 * <p>Everything is asynchronous; blocking callers (the log's sequencer thread) wait on the futures
 * themselves, never on an event loop.
 */
public final class PostgresDatabase implements AutoCloseable {
  private final Pool pool;
  private final PostgresConfig config;

  private PostgresDatabase(Pool pool, PostgresConfig config) {
    this.pool = pool;
    this.config = config;
  }

  /**
   * Connects and applies pending migrations. The password, if {@link PostgresConfig#password()}
   * names one, is resolved through the keystore chain.
   *
   * @param vertx the Vert.x instance the pool runs on
   * @param config connection settings
   * @param secrets resolves {@code storage.postgres.password-ref}
   * @return the open database, schema current
   * @throws ConfigException (synchronously) when the password reference does not resolve
   */
  public static Future<PostgresDatabase> open(
      Vertx vertx, PostgresConfig config, SecretResolver secrets) {
    return open(
        vertx,
        config,
        config
            .password()
            .map(ref -> SecretReferences.resolve(secrets, "storage.postgres.password-ref", ref))
            .orElse(null));
  }

  /**
   * Connects without a password (trust or peer authentication) and applies pending migrations.
   *
   * @param vertx the Vert.x instance the pool runs on
   * @param config connection settings; must not name a password
   * @return the open database, schema current
   * @throws ConfigException when the config names a password reference
   */
  public static Future<PostgresDatabase> open(Vertx vertx, PostgresConfig config) {
    if (config.password().isPresent()) {
      throw new ConfigException(
          "storage.postgres.password-ref is set: open the database with a secret resolver");
    }
    return open(vertx, config, (String) null);
  }

  private static Future<PostgresDatabase> open(
      Vertx vertx, PostgresConfig config, String password) {
    PgConnectOptions connect =
        new PgConnectOptions()
            .setHost(config.host())
            .setPort(config.port())
            .setDatabase(config.database())
            .setUser(config.user());
    if (password != null) {
      connect.setPassword(password);
    }
    tls(connect, config);
    Pool pool =
        PgBuilder.pool()
            .with(new PoolOptions().setMaxSize(config.poolSize()).setName("sovereign-pg"))
            .with(new NetClientOptions().setConnectTimeout(config.connectTimeoutMs().intValue()))
            .connectingTo(connect)
            .using(vertx)
            .build();
    PostgresDatabase db = new PostgresDatabase(pool, config);
    return PostgresMigrations.apply(pool, PostgresMigrations.discover())
        .map(applied -> db)
        .recover(
            e -> {
              pool.close();
              return Future.failedFuture(
                  e instanceof StorageException
                      ? e
                      : new StorageException("cannot open PostgreSQL " + config, e));
            });
  }

  /** {@code storage.postgres.ssl-mode} with libpq's meaning of each mode. */
  static void tls(PgConnectOptions connect, PostgresConfig config) {
    switch (config.sslMode()) {
      case DISABLE -> connect.setSslMode(SslMode.DISABLE);
      // libpq "require" without a root certificate: encrypt, do not verify the server.
      case REQUIRE ->
          connect
              .setSslMode(SslMode.REQUIRE)
              .setSslOptions(new ClientSSLOptions().setTrustAll(true));
      // libpq "verify-full": chain to ssl-root-cert and the certificate names the host (RFC 2818).
      case VERIFY_FULL ->
          connect
              .setSslMode(SslMode.VERIFY_FULL)
              .setSslOptions(
                  new ClientSSLOptions()
                      .setHostnameVerificationAlgorithm("HTTPS")
                      .setTrustOptions(
                          new PemTrustOptions().addCertPath(config.rootCert().orElseThrow())));
    }
  }

  /**
   * The connection pool, for single statements outside a transaction.
   *
   * @return the pool
   */
  public Pool pool() {
    return pool;
  }

  /**
   * Runs {@code work} in one transaction on one pooled connection: committed when its future
   * succeeds, rolled back when it fails.
   *
   * @param work the statements; must not block
   * @param <T> the result
   * @return the result after commit
   */
  public <T> Future<T> withTransaction(Function<SqlConnection, Future<T>> work) {
    return pool.withTransaction(work);
  }

  /**
   * Runs {@code work} in one transaction that first takes {@code pg_advisory_xact_lock(lockKey)}:
   * transactions with the same key, from any replica, run one at a time; the lock is released at
   * commit or rollback, including when the connection or the process dies.
   *
   * @param lockKey the advisory lock key (see {@link AdvisoryLocks})
   * @param work the statements; must not block
   * @param <T> the result
   * @return the result after commit
   */
  public <T> Future<T> withLockedTransaction(
      long lockKey, Function<SqlConnection, Future<T>> work) {
    return pool.withTransaction(
        conn ->
            conn.preparedQuery("SELECT pg_advisory_xact_lock($1)")
                .execute(io.vertx.sqlclient.Tuple.of(lockKey))
                .compose(locked -> work.apply(conn)));
  }

  /**
   * The settings this pool connects with (no password).
   *
   * @return the config
   */
  public PostgresConfig config() {
    return config;
  }

  /** Closes the pool (waits for it). Call from a non-event-loop thread. */
  @Override
  public void close() {
    pool.close().await();
  }
}
