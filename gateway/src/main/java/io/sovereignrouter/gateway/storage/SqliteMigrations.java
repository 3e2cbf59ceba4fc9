package io.sovereignrouter.gateway.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Applies the numbered scripts under {@code /db/sqlite/} in order, each in one transaction,
 * recording the schema version in SQLite's {@code user_version} pragma.
 */
final class SqliteMigrations {
  /** Script names in order; index + 1 is the version each one produces. */
  static final List<String> SCRIPTS =
      List.of(
          "V1__tenants.sql",
          "V2__provider_health.sql",
          "V3__attestations.sql",
          "V4__tenancy_spend_usage.sql",
          "V5__providers.sql");

  private SqliteMigrations() {}

  static void apply(Connection connection) throws SQLException {
    int current;
    try (Statement st = connection.createStatement();
        var rs = st.executeQuery("PRAGMA user_version")) {
      current = rs.next() ? rs.getInt(1) : 0;
    }
    if (current > SCRIPTS.size()) {
      throw new StorageException(
          "database schema version "
              + current
              + " is newer than this build knows ("
              + SCRIPTS.size()
              + "); refusing to start");
    }
    for (int version = current + 1; version <= SCRIPTS.size(); version++) {
      String sql = load(SCRIPTS.get(version - 1));
      connection.setAutoCommit(false);
      try (Statement st = connection.createStatement()) {
        for (String statement : sql.split(";\\s*\\n")) {
          if (!statement.isBlank()) {
            st.execute(statement);
          }
        }
        st.execute("PRAGMA user_version = " + version);
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    }
  }

  private static String load(String name) {
    try (InputStream in = SqliteMigrations.class.getResourceAsStream("/db/sqlite/" + name)) {
      if (in == null) {
        throw new StorageException("migration " + name + " missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new StorageException("cannot read migration " + name, e);
    }
  }
}
