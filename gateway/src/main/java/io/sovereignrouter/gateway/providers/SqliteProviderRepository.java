package io.sovereignrouter.gateway.providers;

import io.sovereignrouter.gateway.storage.SqliteDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The embedded {@link ProviderRepository}. */
public final class SqliteProviderRepository implements ProviderRepository {
  private final Vertx vertx;
  private final SqliteDatabase db;

  /**
   * @param vertx runs the JDBC calls on its worker pool
   * @param db the open database
   */
  public SqliteProviderRepository(Vertx vertx, SqliteDatabase db) {
    this.vertx = vertx;
    this.db = db;
  }

  @Override
  public Future<List<StoredProvider>> all() {
    return db.runAsync(
        vertx,
        "read providers",
        c -> {
          try (PreparedStatement ps = c.prepareStatement(ProviderSql.ALL);
              ResultSet rs = ps.executeQuery()) {
            List<StoredProvider> out = new ArrayList<>();
            while (rs.next()) {
              out.add(
                  new StoredProvider(
                      rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3))));
            }
            return out;
          }
        });
  }

  @Override
  public Future<StoredProvider> create(String id, String configJson) {
    Instant now = Instant.ofEpochMilli(System.currentTimeMillis());
    return db.runAsync(
        vertx,
        "create provider",
        c -> {
          try (PreparedStatement ps = c.prepareStatement(ProviderSql.INSERT)) {
            ps.setString(1, id);
            ps.setString(2, configJson);
            ps.setLong(3, now.toEpochMilli());
            ps.setLong(4, now.toEpochMilli());
            ps.executeUpdate();
            return new StoredProvider(id, configJson, now);
          } catch (SQLException e) {
            if (e.getMessage() != null && e.getMessage().contains("UNIQUE")) {
              throw new ProviderConflictException("a provider '" + id + "' already exists");
            }
            throw e;
          }
        });
  }

  @Override
  public Future<Optional<StoredProvider>> replace(String id, String configJson) {
    Instant now = Instant.ofEpochMilli(System.currentTimeMillis());
    return db.runAsync(
        vertx,
        "replace provider",
        c -> {
          try (PreparedStatement ps = c.prepareStatement(ProviderSql.UPDATE)) {
            ps.setString(1, configJson);
            ps.setLong(2, now.toEpochMilli());
            ps.setString(3, id);
            return ps.executeUpdate() == 1
                ? Optional.of(new StoredProvider(id, configJson, now))
                : Optional.empty();
          }
        });
  }

  @Override
  public Future<Boolean> delete(String id) {
    return db.runAsync(
        vertx,
        "delete provider",
        c -> {
          try (PreparedStatement ps = c.prepareStatement(ProviderSql.DELETE)) {
            ps.setString(1, id);
            return ps.executeUpdate() == 1;
          }
        });
  }

  @Override
  public Future<String> version() {
    return db.runAsync(
        vertx,
        "read provider version",
        c -> {
          try (PreparedStatement ps = c.prepareStatement(ProviderSql.VERSION);
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1) + ":" + rs.getLong(2);
          }
        });
  }
}
