package io.sovereignrouter.gateway.storage;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The embedded database: one SQLite file in WAL mode with {@code synchronous=FULL}, migrated on
 * open, behind a single connection. Work is serialised because a JDBC connection is not
 * thread-safe; SQLite serialises writers anyway and point reads take microseconds. Blocking: call
 * from worker threads only.
 */
public final class SqliteDatabase implements AutoCloseable {
  private final Connection connection;
  private final Path file;

  private SqliteDatabase(Connection connection, Path file) {
    this.connection = connection;
    this.file = file;
  }

  /** Work done with the connection. */
  @FunctionalInterface
  public interface SqlWork<T> {
    /**
     * @param connection the open connection, auto-commit on
     * @return the result
     * @throws SQLException driver errors, wrapped by {@link #run}
     */
    T run(Connection connection) throws SQLException;
  }

  /** Opens (creating if needed) {@code file} and migrates it to the current schema. */
  public static SqliteDatabase open(Path file) {
    try {
      Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement st = c.createStatement()) {
        st.execute("PRAGMA journal_mode = WAL");
        st.execute("PRAGMA synchronous = FULL");
        st.execute("PRAGMA foreign_keys = ON");
        st.execute("PRAGMA busy_timeout = 5000");
      }
      SqliteMigrations.apply(c);
      return new SqliteDatabase(c, file);
    } catch (SQLException e) {
      throw new StorageException("cannot open database " + file + ": " + e.getMessage(), e);
    }
  }

  /** {@link #run} on a Vert.x worker thread. */
  public <T> Future<T> runAsync(Vertx vertx, String what, SqlWork<T> work) {
    return vertx.executeBlocking(() -> run(what, work), false);
  }

  /** {@link #transaction} on a Vert.x worker thread. */
  public <T> Future<T> transactionAsync(Vertx vertx, String what, SqlWork<T> work) {
    return vertx.executeBlocking(() -> transaction(what, work), false);
  }

  /**
   * Runs {@code work} alone on the connection.
   *
   * @param what names the operation in error messages
   * @throws StorageException wrapping any {@link SQLException}
   */
  public synchronized <T> T run(String what, SqlWork<T> work) {
    try {
      return work.run(connection);
    } catch (SQLException e) {
      throw new StorageException(
          what + " failed on " + file.getFileName() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Runs {@code work} in one transaction: committed if it returns, rolled back if it throws.
   *
   * @param what names the operation in error messages
   * @throws StorageException wrapping any {@link SQLException}
   */
  public synchronized <T> T transaction(String what, SqlWork<T> work) {
    return run(
        what,
        c -> {
          c.setAutoCommit(false);
          try {
            T result = work.run(c);
            c.commit();
            return result;
          } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
          } finally {
            c.setAutoCommit(true);
          }
        });
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new StorageException("closing " + file.getFileName() + " failed", e);
    }
  }
}
