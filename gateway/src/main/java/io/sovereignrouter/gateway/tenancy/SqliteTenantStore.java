package io.sovereignrouter.gateway.tenancy;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The embedded {@link TenantStore}: one SQLite file in WAL mode behind a single connection. Methods
 * are synchronized because a JDBC connection is not thread-safe; SQLite serialises writers anyway,
 * and point reads take microseconds.
 */
public final class SqliteTenantStore implements TenantStore {
  private final Connection connection;
  private final SecureRandom random = new SecureRandom();

  private SqliteTenantStore(Connection connection) {
    this.connection = connection;
  }

  /** Opens (creating if needed) the database file and migrates it to the current schema. */
  public static SqliteTenantStore open(Path file) {
    try {
      Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement st = c.createStatement()) {
        st.execute("PRAGMA journal_mode = WAL");
        st.execute("PRAGMA synchronous = FULL");
        st.execute("PRAGMA foreign_keys = ON");
        st.execute("PRAGMA busy_timeout = 5000");
      }
      SqliteMigrations.apply(c);
      return new SqliteTenantStore(c);
    } catch (SQLException e) {
      throw new TenancyException("cannot open tenant database " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized Tenant createTenant(String name) {
    Tenant tenant =
        new Tenant("tn_" + RandomTokens.draw(random, RandomTokens.BASE32, 16), name, false, now());
    try (PreparedStatement ps =
        connection.prepareStatement(
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
      throw failure("create tenant", e);
    }
  }

  @Override
  public synchronized List<Tenant> tenants() {
    return queryTenants(
        "SELECT id, name, suspended, created_at FROM tenants ORDER BY created_at, id", null);
  }

  @Override
  public synchronized Optional<Tenant> tenant(String tenantId) {
    return queryTenants(
            "SELECT id, name, suspended, created_at FROM tenants WHERE id = ?", tenantId)
        .stream()
        .findFirst();
  }

  private List<Tenant> queryTenants(String sql, String arg) {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      if (arg != null) {
        ps.setString(1, arg);
      }
      List<Tenant> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Tenant(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getInt(3) != 0,
                  Instant.ofEpochMilli(rs.getLong(4))));
        }
      }
      return out;
    } catch (SQLException e) {
      throw failure("read tenants", e);
    }
  }

  @Override
  public synchronized TenantKey addKey(String tenantId, String keyId, String secretHash) {
    TenantKey key = new TenantKey(keyId, tenantId, secretHash, now(), Optional.empty());
    try (PreparedStatement ps =
        connection.prepareStatement(
            "INSERT INTO tenant_keys(key_id, tenant_id, secret_hash, created_at) VALUES (?, ?, ?, ?)")) {
      ps.setString(1, keyId);
      ps.setString(2, tenantId);
      ps.setString(3, secretHash);
      ps.setLong(4, key.createdAt().toEpochMilli());
      ps.executeUpdate();
      return key;
    } catch (SQLException e) {
      throw failure("add key", e);
    }
  }

  @Override
  public synchronized Optional<TenantKey> key(String keyId) {
    return queryKeys(
            "SELECT key_id, tenant_id, secret_hash, created_at, revoked_at FROM tenant_keys"
                + " WHERE key_id = ?",
            keyId)
        .stream()
        .findFirst();
  }

  @Override
  public synchronized List<TenantKey> keys(String tenantId) {
    return queryKeys(
        "SELECT key_id, tenant_id, secret_hash, created_at, revoked_at FROM tenant_keys"
            + " WHERE tenant_id = ? ORDER BY created_at, key_id",
        tenantId);
  }

  private List<TenantKey> queryKeys(String sql, String arg) {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setString(1, arg);
      List<TenantKey> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
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
      }
      return out;
    } catch (SQLException e) {
      throw failure("read keys", e);
    }
  }

  @Override
  public synchronized boolean revokeKey(String tenantId, String keyId, Instant at) {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "UPDATE tenant_keys SET revoked_at = ? WHERE key_id = ? AND tenant_id = ? AND revoked_at IS NULL")) {
      ps.setLong(1, at.toEpochMilli());
      ps.setString(2, keyId);
      ps.setString(3, tenantId);
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw failure("revoke key", e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw failure("close", e);
    }
  }

  private static Instant now() {
    return Instant.ofEpochMilli(System.currentTimeMillis());
  }

  private static TenancyException failure(String what, SQLException e) {
    return new TenancyException("tenant store: " + what + " failed: " + e.getMessage(), e);
  }
}
