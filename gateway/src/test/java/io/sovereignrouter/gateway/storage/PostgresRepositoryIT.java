package io.sovereignrouter.gateway.storage;

import io.sovereignrouter.gateway.spend.PostgresSpendLedger;
import io.sovereignrouter.gateway.storage.postgres.EmbeddedPostgresServer;
import io.sovereignrouter.gateway.storage.postgres.PostgresDatabase;
import io.sovereignrouter.gateway.tenancy.PostgresTenantRepository;
import io.vertx.core.Vertx;

/** The repository contract on a real PostgreSQL (embedded server on loopback). */
class PostgresRepositoryIT extends RepositoryContract {
  @Override
  protected Stores open(Vertx vertx) {
    PostgresDatabase db =
        Await.await(PostgresDatabase.open(vertx, EmbeddedPostgresServer.freshDatabase()));
    return new Stores(new PostgresTenantRepository(db), new PostgresSpendLedger(db), db::close);
  }
}
