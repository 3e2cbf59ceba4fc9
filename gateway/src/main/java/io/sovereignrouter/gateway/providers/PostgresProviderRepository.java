package io.sovereignrouter.gateway.providers;

import static io.sovereignrouter.gateway.storage.postgres.Placeholders.numbered;

import io.sovereignrouter.gateway.storage.postgres.PostgresDatabase;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The scale-out {@link ProviderRepository}. */
public final class PostgresProviderRepository implements ProviderRepository {
  private final PostgresDatabase db;

  /**
   * @param db the open database
   */
  public PostgresProviderRepository(PostgresDatabase db) {
    this.db = db;
  }

  @Override
  public Future<List<StoredProvider>> all() {
    return db.pool()
        .query(ProviderSql.ALL)
        .execute()
        .map(
            rows -> {
              List<StoredProvider> out = new ArrayList<>();
              for (Row r : rows) {
                out.add(
                    new StoredProvider(
                        r.getString(0), r.getString(1), Instant.ofEpochMilli(r.getLong(2))));
              }
              return out;
            });
  }

  @Override
  public Future<StoredProvider> create(String id, String configJson) {
    long now = System.currentTimeMillis();
    return db.pool()
        .preparedQuery(numbered(ProviderSql.INSERT))
        .execute(Tuple.of(id, configJson, now, now))
        .map(done -> new StoredProvider(id, configJson, Instant.ofEpochMilli(now)))
        .recover(
            e ->
                Future.failedFuture(
                    e instanceof PgException pg && "23505".equals(pg.getSqlState())
                        ? new ProviderConflictException("a provider '" + id + "' already exists")
                        : e));
  }

  @Override
  public Future<Optional<StoredProvider>> replace(String id, String configJson) {
    long now = System.currentTimeMillis();
    return db.pool()
        .preparedQuery(numbered(ProviderSql.UPDATE))
        .execute(Tuple.of(configJson, now, id))
        .map(
            rows ->
                rows.rowCount() == 1
                    ? Optional.of(new StoredProvider(id, configJson, Instant.ofEpochMilli(now)))
                    : Optional.empty());
  }

  @Override
  public Future<Boolean> delete(String id) {
    return db.pool()
        .preparedQuery(numbered(ProviderSql.DELETE))
        .execute(Tuple.of(id))
        .map(rows -> rows.rowCount() == 1);
  }

  @Override
  public Future<String> version() {
    return db.pool()
        .query(ProviderSql.VERSION)
        .execute()
        .map(
            rows -> {
              Row r = rows.iterator().next();
              return r.getLong(0) + ":" + ((Number) r.getValue(1)).longValue();
            });
  }
}
