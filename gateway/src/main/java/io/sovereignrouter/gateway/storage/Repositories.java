package io.sovereignrouter.gateway.storage;

import io.sovereignrouter.gateway.config.StorageConfig;
import io.sovereignrouter.gateway.providers.PostgresProviderRepository;
import io.sovereignrouter.gateway.providers.ProviderRepository;
import io.sovereignrouter.gateway.providers.SqliteProviderRepository;
import io.sovereignrouter.gateway.spend.PostgresSpendLedger;
import io.sovereignrouter.gateway.spend.SpendLedger;
import io.sovereignrouter.gateway.spend.SqliteSpendLedger;
import io.sovereignrouter.gateway.storage.postgres.PostgresAttestationIndex;
import io.sovereignrouter.gateway.storage.postgres.PostgresDatabase;
import io.sovereignrouter.gateway.tenancy.PostgresTenantRepository;
import io.sovereignrouter.gateway.tenancy.SqliteTenantRepository;
import io.sovereignrouter.gateway.tenancy.TenantRepository;
import io.sovereignrouter.keystore.SecretResolver;
import io.vertx.core.Vertx;
import java.util.Optional;

/**
 * The shared state of the configured backend: SQLite (embedded, one process) or PostgreSQL (every
 * replica). Per-process state — provider health — stays in the local SQLite file either way.
 *
 * @param tenants tenants and keys
 * @param ledger spend holds and usage
 * @param attestations route decision id → log index
 * @param providers providers managed through the admin API
 * @param postgres the shared database, when that is the backend
 */
public record Repositories(
    TenantRepository tenants,
    SpendLedger ledger,
    AttestationIndex attestations,
    ProviderRepository providers,
    Optional<PostgresDatabase> postgres)
    implements AutoCloseable {

  /**
   * Opens the configured backend (blocking: call at startup, off the event loop).
   *
   * @param local the process's SQLite database
   * @param secrets resolves the PostgreSQL password reference
   */
  public static Repositories open(
      Vertx vertx, StorageConfig config, SqliteDatabase local, SecretResolver secrets) {
    return switch (config.backend()) {
      case SQLITE ->
          new Repositories(
              new SqliteTenantRepository(vertx, local),
              new SqliteSpendLedger(vertx, local),
              new SqliteAttestationIndex(vertx, local),
              new SqliteProviderRepository(vertx, local),
              Optional.empty());
      case POSTGRES -> {
        PostgresDatabase db =
            PostgresDatabase.open(vertx, config.postgresConfig().orElseThrow(), secrets)
                .toCompletionStage()
                .toCompletableFuture()
                .join();
        yield new Repositories(
            new PostgresTenantRepository(db),
            new PostgresSpendLedger(db),
            new PostgresAttestationIndex(db),
            new PostgresProviderRepository(db),
            Optional.of(db));
      }
    };
  }

  /** Closes the shared database, if any (the local SQLite file is the caller's). */
  @Override
  public void close() {
    postgres.ifPresent(PostgresDatabase::close);
  }
}
