package io.sovereignrouter.gateway.storage;

import io.sovereignrouter.gateway.spend.SqliteSpendLedger;
import io.sovereignrouter.gateway.tenancy.SqliteTenantRepository;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository contract on the embedded SQLite backend. */
class SqliteRepositoryTest extends RepositoryContract {
  @Override
  protected Stores open(Vertx vertx) {
    try {
      Path dir = Files.createTempDirectory("sovereign-sqlite");
      SqliteDatabase db = SqliteDatabase.open(dir.resolve("t.db"));
      return new Stores(
          new SqliteTenantRepository(vertx, db), new SqliteSpendLedger(vertx, db), db::close);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
