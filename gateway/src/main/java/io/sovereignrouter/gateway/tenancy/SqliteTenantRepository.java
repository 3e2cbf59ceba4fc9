package io.sovereignrouter.gateway.tenancy;

import io.sovereignrouter.gateway.storage.SqliteDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The embedded {@link TenantRepository} on the shared {@link SqliteDatabase}. */
public final class SqliteTenantRepository implements TenantRepository {
  private static final String TENANT_COLUMNS =
      "SELECT id, name, settings, suspended_reason, suspended_at, created_at FROM tenants";
  private static final String KEY_COLUMNS =
      "SELECT key_id, tenant_id, secret_hash, created_at, revoked_at FROM tenant_keys";
  private final Vertx vertx;
  private final SqliteDatabase db;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param vertx runs the blocking JDBC calls on its worker pool
   * @param db the open database (not closed by this repository)
   */
  public SqliteTenantRepository(Vertx vertx, SqliteDatabase db) {
    this.vertx = vertx;
    this.db = db;
  }

  @Override
  public Future<Tenant> createTenant(String name, TenantSettings settings) {
    Tenant tenant = Tenants.fresh(random, name, settings);
    return db.runAsync(
        vertx,
        "create tenant",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO tenants(id, name, settings, created_at) VALUES (?, ?, ?, ?)")) {
            bind(ps, tenant.id(), tenant.name(), TenantSettingsJson.format(settings).encode());
            ps.setLong(4, tenant.createdAt().toEpochMilli());
            ps.executeUpdate();
            return tenant;
          } catch (SQLException e) {
            if (e.getMessage() != null && e.getMessage().contains("UNIQUE")) {
              throw new DuplicateTenantException(name);
            }
            throw e;
          }
        });
  }

  @Override
  public Future<List<Tenant>> tenants() {
    return db.runAsync(
        vertx, "read tenants", c -> queryTenants(c, TENANT_COLUMNS + " ORDER BY created_at, id"));
  }

  @Override
  public Future<Optional<Tenant>> tenant(String tenantId) {
    return db.runAsync(vertx, "read tenant", c -> tenant(c, tenantId));
  }

  private static Optional<Tenant> tenant(Connection c, String tenantId) throws SQLException {
    return queryTenants(c, TENANT_COLUMNS + " WHERE id = ?", tenantId).stream().findFirst();
  }

  @Override
  public Future<Optional<Tenant>> updateSettings(String tenantId, TenantSettings settings) {
    return db.transactionAsync(
        vertx,
        "update tenant",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE tenants SET settings = ? WHERE id = ?")) {
            bind(ps, TenantSettingsJson.format(settings).encode(), tenantId);
            ps.executeUpdate();
          }
          return tenant(c, tenantId);
        });
  }

  @Override
  public Future<Optional<Tenant>> setSuspension(
      String tenantId, Optional<Tenant.Suspension> suspension) {
    return db.transactionAsync(
        vertx,
        "suspend tenant",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE tenants SET suspended_reason = ?, suspended_at = ? WHERE id = ?")) {
            if (suspension.isPresent()) {
              ps.setString(1, suspension.get().reason());
              ps.setLong(2, suspension.get().since().toEpochMilli());
            } else {
              ps.setNull(1, Types.VARCHAR);
              ps.setNull(2, Types.INTEGER);
            }
            ps.setString(3, tenantId);
            ps.executeUpdate();
          }
          return tenant(c, tenantId);
        });
  }

  @Override
  public Future<Boolean> deleteTenant(String tenantId) {
    return db.transactionAsync(
        vertx,
        "delete tenant",
        c -> {
          try (PreparedStatement keys =
                  c.prepareStatement("DELETE FROM tenant_keys WHERE tenant_id = ?");
              PreparedStatement tenant = c.prepareStatement("DELETE FROM tenants WHERE id = ?")) {
            bind(keys, tenantId).executeUpdate();
            return bind(tenant, tenantId).executeUpdate() == 1;
          }
        });
  }

  private static List<Tenant> queryTenants(Connection c, String sql, String... args)
      throws SQLException {
    try (PreparedStatement ps = bind(c.prepareStatement(sql), args);
        ResultSet rs = ps.executeQuery()) {
      List<Tenant> out = new ArrayList<>();
      while (rs.next()) {
        String reason = rs.getString(4);
        long since = rs.getLong(5);
        Optional<Tenant.Suspension> suspension =
            reason == null
                ? Optional.empty()
                : Optional.of(new Tenant.Suspension(reason, Instant.ofEpochMilli(since)));
        out.add(
            new Tenant(
                rs.getString(1),
                rs.getString(2),
                TenantSettingsJson.parse(rs.getString(3)),
                suspension,
                Instant.ofEpochMilli(rs.getLong(6))));
      }
      return out;
    }
  }

  @Override
  public Future<TenantKey> addKey(TenantKey key, int maxActiveKeys) {
    return db.transactionAsync(
        vertx,
        "add key",
        c -> {
          long active =
              queryKeys(c, KEY_COLUMNS + " WHERE tenant_id = ?", key.tenantId()).stream()
                  .filter(k -> k.activeAt(key.createdAt()))
                  .count();
          if (active >= maxActiveKeys) {
            throw new KeyQuotaExceededException(maxActiveKeys);
          }
          insertKey(c, key);
          return key;
        });
  }

  private static void insertKey(Connection c, TenantKey key) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO tenant_keys(key_id, tenant_id, secret_hash, created_at)"
                + " VALUES (?, ?, ?, ?)")) {
      bind(ps, key.keyId(), key.tenantId(), key.secretHash())
          .setLong(4, key.createdAt().toEpochMilli());
      ps.executeUpdate();
    }
  }

  @Override
  public Future<Optional<TenantKey>> key(String keyId) {
    return db.runAsync(
        vertx,
        "read key",
        c -> queryKeys(c, KEY_COLUMNS + " WHERE key_id = ?", keyId).stream().findFirst());
  }

  @Override
  public Future<List<TenantKey>> keys(String tenantId) {
    return db.runAsync(
        vertx,
        "read keys",
        c ->
            queryKeys(
                c, KEY_COLUMNS + " WHERE tenant_id = ? ORDER BY created_at, key_id", tenantId));
  }

  private static List<TenantKey> queryKeys(Connection c, String sql, String arg)
      throws SQLException {
    try (PreparedStatement ps = bind(c.prepareStatement(sql), arg);
        ResultSet rs = ps.executeQuery()) {
      List<TenantKey> out = new ArrayList<>();
      while (rs.next()) {
        long revoked = rs.getLong(5);
        Optional<Instant> revokedAt =
            rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(revoked));
        out.add(
            new TenantKey(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                Instant.ofEpochMilli(rs.getLong(4)),
                revokedAt));
      }
      return out;
    }
  }

  @Override
  public Future<Boolean> revokeKey(String tenantId, String keyId, Instant at) {
    return db.runAsync(
        vertx,
        "revoke key",
        c -> {
          // A key already set to expire later (rotation overlap) is cut short too.
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE tenant_keys SET revoked_at = ?"
                      + " WHERE key_id = ? AND tenant_id = ? AND (revoked_at IS NULL OR revoked_at > ?)")) {
            ps.setLong(1, at.toEpochMilli());
            ps.setString(2, keyId);
            ps.setString(3, tenantId);
            ps.setLong(4, at.toEpochMilli());
            return ps.executeUpdate() == 1;
          }
        });
  }

  @Override
  public Future<List<TenantKey>> rotateKeys(
      String tenantId, TenantKey fresh, Instant oldKeysUntil) {
    return db.transactionAsync(
        vertx,
        "rotate keys",
        c -> {
          // Every key still valid at the new deadline is cut to it: a rotation with a short
          // overlap also shortens the overlap an earlier rotation granted.
          long until = oldKeysUntil.toEpochMilli();
          List<TenantKey> expiring =
              queryKeys(c, KEY_COLUMNS + " WHERE tenant_id = ?", tenantId).stream()
                  .filter(k -> k.activeAt(fresh.createdAt()))
                  .toList();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE tenant_keys SET revoked_at = ?"
                      + " WHERE tenant_id = ? AND (revoked_at IS NULL OR revoked_at > ?)")) {
            ps.setLong(1, until);
            ps.setString(2, tenantId);
            ps.setLong(3, until);
            ps.executeUpdate();
          }
          insertKey(c, fresh);
          return expiring;
        });
  }

  private static PreparedStatement bind(PreparedStatement ps, String... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      ps.setString(i + 1, args[i]);
    }
    return ps;
  }
}
