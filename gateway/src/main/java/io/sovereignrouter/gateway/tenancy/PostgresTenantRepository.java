package io.sovereignrouter.gateway.tenancy;

import io.sovereignrouter.gateway.storage.postgres.PostgresDatabase;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The scale-out {@link TenantRepository}: shared by every replica through one PostgreSQL. */
public final class PostgresTenantRepository implements TenantRepository {
  private static final String TENANT_COLUMNS =
      "SELECT id, name, settings, suspended_reason, suspended_at, created_at FROM tenants";
  private static final String KEY_COLUMNS =
      "SELECT key_id, tenant_id, secret_hash, created_at, revoked_at FROM tenant_keys";
  private static final String UNIQUE_VIOLATION = "23505";
  private final PostgresDatabase db;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param db the open database (not closed by this repository)
   */
  public PostgresTenantRepository(PostgresDatabase db) {
    this.db = db;
  }

  @Override
  public Future<Tenant> createTenant(String name, TenantSettings settings) {
    Tenant tenant = Tenants.fresh(random, name, settings);
    return db.pool()
        .preparedQuery(
            "INSERT INTO tenants(id, name, settings, created_at) VALUES ($1, $2, $3, $4)")
        .execute(
            Tuple.of(
                tenant.id(),
                name,
                TenantSettingsJson.format(settings).encode(),
                tenant.createdAt().toEpochMilli()))
        .map(tenant)
        .recover(
            e ->
                Future.failedFuture(
                    e instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())
                        ? new DuplicateTenantException(name)
                        : e));
  }

  @Override
  public Future<List<Tenant>> tenants() {
    return db.pool()
        .query(TENANT_COLUMNS + " ORDER BY created_at, id")
        .execute()
        .map(PostgresTenantRepository::tenants);
  }

  @Override
  public Future<Optional<Tenant>> tenant(String tenantId) {
    return tenant(db.pool(), tenantId);
  }

  private static Future<Optional<Tenant>> tenant(SqlClient client, String tenantId) {
    return client
        .preparedQuery(TENANT_COLUMNS + " WHERE id = $1")
        .execute(Tuple.of(tenantId))
        .map(rows -> tenants(rows).stream().findFirst());
  }

  @Override
  public Future<Optional<Tenant>> updateSettings(String tenantId, TenantSettings settings) {
    return db.withTransaction(
        c ->
            c.preparedQuery("UPDATE tenants SET settings = $1 WHERE id = $2")
                .execute(Tuple.of(TenantSettingsJson.format(settings).encode(), tenantId))
                .compose(done -> tenant(c, tenantId)));
  }

  @Override
  public Future<Optional<Tenant>> setSuspension(
      String tenantId, Optional<Tenant.Suspension> suspension) {
    return db.withTransaction(
        c ->
            c.preparedQuery(
                    "UPDATE tenants SET suspended_reason = $1, suspended_at = $2 WHERE id = $3")
                .execute(
                    Tuple.of(
                        suspension.map(Tenant.Suspension::reason).orElse(null),
                        suspension.map(s -> s.since().toEpochMilli()).orElse(null),
                        tenantId))
                .compose(done -> tenant(c, tenantId)));
  }

  @Override
  public Future<Boolean> deleteTenant(String tenantId) {
    return db.withTransaction(
        c ->
            c.preparedQuery("DELETE FROM tenant_keys WHERE tenant_id = $1")
                .execute(Tuple.of(tenantId))
                .compose(
                    keys ->
                        c.preparedQuery("DELETE FROM tenants WHERE id = $1")
                            .execute(Tuple.of(tenantId)))
                .map(rows -> rows.rowCount() == 1));
  }

  @Override
  public Future<TenantKey> addKey(TenantKey key, int maxActiveKeys) {
    // The tenant row lock serialises concurrent key creation, so the quota check holds.
    return db.withTransaction(
        c ->
            c.preparedQuery("SELECT id FROM tenants WHERE id = $1 FOR UPDATE")
                .execute(Tuple.of(key.tenantId()))
                .compose(
                    locked ->
                        c.preparedQuery(
                                "SELECT count(*) FROM tenant_keys WHERE tenant_id = $1"
                                    + " AND (revoked_at IS NULL OR revoked_at > $2)")
                            .execute(Tuple.of(key.tenantId(), key.createdAt().toEpochMilli())))
                .compose(
                    count -> {
                      if (count.iterator().next().getLong(0) >= maxActiveKeys) {
                        return Future.failedFuture(new KeyQuotaExceededException(maxActiveKeys));
                      }
                      return insertKey(c, key);
                    })
                .map(key));
  }

  private static Future<RowSet<Row>> insertKey(SqlClient c, TenantKey key) {
    return c.preparedQuery(
            "INSERT INTO tenant_keys(key_id, tenant_id, secret_hash, created_at)"
                + " VALUES ($1, $2, $3, $4)")
        .execute(
            Tuple.of(
                key.keyId(), key.tenantId(), key.secretHash(), key.createdAt().toEpochMilli()));
  }

  @Override
  public Future<Optional<TenantKey>> key(String keyId) {
    return db.pool()
        .preparedQuery(KEY_COLUMNS + " WHERE key_id = $1")
        .execute(Tuple.of(keyId))
        .map(rows -> keys(rows).stream().findFirst());
  }

  @Override
  public Future<List<TenantKey>> keys(String tenantId) {
    return db.pool()
        .preparedQuery(KEY_COLUMNS + " WHERE tenant_id = $1 ORDER BY created_at, key_id")
        .execute(Tuple.of(tenantId))
        .map(PostgresTenantRepository::keys);
  }

  @Override
  public Future<Boolean> revokeKey(String tenantId, String keyId, Instant at) {
    return db.pool()
        .preparedQuery(
            "UPDATE tenant_keys SET revoked_at = $1"
                + " WHERE key_id = $2 AND tenant_id = $3 AND (revoked_at IS NULL OR revoked_at > $1)")
        .execute(Tuple.of(at.toEpochMilli(), keyId, tenantId))
        .map(rows -> rows.rowCount() == 1);
  }

  @Override
  public Future<List<TenantKey>> rotateKeys(
      String tenantId, TenantKey fresh, Instant oldKeysUntil) {
    long until = oldKeysUntil.toEpochMilli();
    return db.withTransaction(
        c ->
            c.preparedQuery(
                    "UPDATE tenant_keys SET revoked_at = $1"
                        + " WHERE tenant_id = $2 AND (revoked_at IS NULL OR revoked_at > $3)"
                        + " RETURNING key_id, tenant_id, secret_hash, created_at, revoked_at")
                .execute(Tuple.of(until, tenantId, fresh.createdAt().toEpochMilli()))
                .compose(
                    cut ->
                        insertKey(c, fresh)
                            .map(
                                inserted ->
                                    keys(cut).stream()
                                        .map(
                                            k ->
                                                new TenantKey(
                                                    k.keyId(),
                                                    k.tenantId(),
                                                    k.secretHash(),
                                                    k.createdAt(),
                                                    Optional.empty()))
                                        .toList())));
  }

  private static List<Tenant> tenants(RowSet<Row> rows) {
    List<Tenant> out = new ArrayList<>();
    for (Row r : rows) {
      String reason = r.getString("suspended_reason");
      Optional<Tenant.Suspension> suspension =
          reason == null
              ? Optional.empty()
              : Optional.of(
                  new Tenant.Suspension(reason, Instant.ofEpochMilli(r.getLong("suspended_at"))));
      out.add(
          new Tenant(
              r.getString("id"),
              r.getString("name"),
              TenantSettingsJson.parse(r.getString("settings")),
              suspension,
              Instant.ofEpochMilli(r.getLong("created_at"))));
    }
    return out;
  }

  private static List<TenantKey> keys(RowSet<Row> rows) {
    List<TenantKey> out = new ArrayList<>();
    for (Row r : rows) {
      Long revoked = r.getLong("revoked_at");
      out.add(
          new TenantKey(
              r.getString("key_id"),
              r.getString("tenant_id"),
              r.getString("secret_hash"),
              Instant.ofEpochMilli(r.getLong("created_at")),
              Optional.ofNullable(revoked).map(Instant::ofEpochMilli)));
    }
    return out;
  }
}
