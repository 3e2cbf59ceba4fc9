package io.sovereignrouter.gateway.tenancy;

import io.sovereignrouter.gateway.storage.SqliteDatabase;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The embedded {@link TenantStore} on the shared {@link SqliteDatabase}. */
public final class SqliteTenantStore implements TenantStore {
  private static final String TENANT_COLUMNS =
      "SELECT id, name, suspended, created_at FROM tenants";
  private static final String KEY_COLUMNS =
      "SELECT key_id, tenant_id, secret_hash, created_at, revoked_at FROM tenant_keys";
  private final SqliteDatabase db;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param db the open database (not closed by this store)
   */
  public SqliteTenantStore(SqliteDatabase db) {
    this.db = db;
  }

  @Override
  public Tenant createTenant(String name) {
    Tenant tenant =
        new Tenant("tn_" + RandomTokens.draw(random, RandomTokens.BASE32, 16), name, false, now());
    return db.run(
        "create tenant",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO tenants(id, name, suspended, created_at) VALUES (?, ?, 0, ?)")) {
            ps.setString(1, tenant.id());
            ps.setString(2, tenant.name());
            ps.setLong(3, tenant.createdAt().toEpochMilli());
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
  public List<Tenant> tenants() {
    return db.run(
        "read tenants", c -> queryTenants(c, TENANT_COLUMNS + " ORDER BY created_at, id"));
  }

  @Override
  public Optional<Tenant> tenant(String tenantId) {
    return db.run(
        "read tenant",
        c -> queryTenants(c, TENANT_COLUMNS + " WHERE id = ?", tenantId).stream().findFirst());
  }

  private static List<Tenant> queryTenants(Connection c, String sql, String... args)
      throws SQLException {
    try (PreparedStatement ps = bind(c.prepareStatement(sql), args);
        ResultSet rs = ps.executeQuery()) {
      List<Tenant> out = new ArrayList<>();
      while (rs.next()) {
        out.add(
            new Tenant(
                rs.getString(1),
                rs.getString(2),
                rs.getInt(3) != 0,
                Instant.ofEpochMilli(rs.getLong(4))));
      }
      return out;
    }
  }

  @Override
  public TenantKey addKey(String tenantId, String keyId, String secretHash) {
    TenantKey key = new TenantKey(keyId, tenantId, secretHash, now(), Optional.empty());
    return db.run(
        "add key",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO tenant_keys(key_id, tenant_id, secret_hash, created_at)"
                      + " VALUES (?, ?, ?, ?)")) {
            bind(ps, keyId, tenantId, secretHash).setLong(4, key.createdAt().toEpochMilli());
            ps.executeUpdate();
            return key;
          }
        });
  }

  @Override
  public Optional<TenantKey> key(String keyId) {
    return db.run(
        "read key",
        c -> queryKeys(c, KEY_COLUMNS + " WHERE key_id = ?", keyId).stream().findFirst());
  }

  @Override
  public List<TenantKey> keys(String tenantId) {
    return db.run(
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
  public boolean revokeKey(String tenantId, String keyId, Instant at) {
    return db.run(
        "revoke key",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE tenant_keys SET revoked_at = ?"
                      + " WHERE key_id = ? AND tenant_id = ? AND revoked_at IS NULL")) {
            ps.setLong(1, at.toEpochMilli());
            ps.setString(2, keyId);
            ps.setString(3, tenantId);
            return ps.executeUpdate() == 1;
          }
        });
  }

  @Override
  public List<TenantKey> rotateKeys(String tenantId, TenantKey fresh, Instant oldKeysUntil) {
    return db.transaction(
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
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO tenant_keys(key_id, tenant_id, secret_hash, created_at) VALUES (?, ?, ?, ?)")) {
            bind(ps, fresh.keyId(), tenantId, fresh.secretHash())
                .setLong(4, fresh.createdAt().toEpochMilli());
            ps.executeUpdate();
          }
          return expiring;
        });
  }

  private static PreparedStatement bind(PreparedStatement ps, String... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      ps.setString(i + 1, args[i]);
    }
    return ps;
  }

  private static Instant now() {
    return Instant.ofEpochMilli(System.currentTimeMillis());
  }
}
