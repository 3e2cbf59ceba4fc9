package io.sovereignrouter.gateway.storage.postgres;

import io.sovereignrouter.gateway.storage.StorageException;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Applies the versioned scripts {@code db/postgres/V<n>__<name>.sql} found on the classpath, in
 * version order, recording each in {@code schema_migrations} with its checksum.
 *
 * <p>Everything runs in one transaction that first takes {@code pg_advisory_xact_lock(MIGRATIONS)},
 * so replicas starting together apply each script exactly once and a failed script leaves the
 * schema untouched. Adding a migration means adding a file: the directory is listed both from a
 * file-system classpath entry (IDE, tests) and from a jar.
 */
public final class PostgresMigrations {
  /** Classpath directory of the scripts. */
  public static final String DIRECTORY = "db/postgres";

  private PostgresMigrations() {}

  /**
   * Lists the scripts on the classpath, ordered by version.
   *
   * @return the migrations, versions 1..n without gaps
   * @throws StorageException when a version is missing or duplicated, or a script is unreadable
   */
  public static List<Migration> discover() {
    return discover(PostgresMigrations.class.getClassLoader());
  }

  static List<Migration> discover(ClassLoader loader) {
    Map<String, byte[]> files = new HashMap<>();
    try {
      Enumeration<URL> dirs = loader.getResources(DIRECTORY);
      while (dirs.hasMoreElements()) {
        list(dirs.nextElement(), files);
      }
    } catch (IOException | URISyntaxException e) {
      throw new StorageException("cannot list " + DIRECTORY + " on the classpath", e);
    }
    List<Migration> out = new ArrayList<>();
    files.forEach((name, bytes) -> out.add(Migration.of(name, bytes)));
    out.sort(Comparator.comparingInt(Migration::version));
    for (int i = 0; i < out.size(); i++) {
      if (out.get(i).version() != i + 1) {
        throw new StorageException(
            "migrations must be numbered 1.."
                + out.size()
                + " without gaps or duplicates; found "
                + out.get(i).name()
                + " at position "
                + (i + 1));
      }
    }
    return List.copyOf(out);
  }

  private static void list(URL url, Map<String, byte[]> files)
      throws IOException, URISyntaxException {
    URI uri = url.toURI();
    if (uri.getScheme().equals("jar")) {
      FileSystem fs;
      boolean owned;
      try {
        fs = FileSystems.newFileSystem(uri, Map.of());
        owned = true;
      } catch (FileSystemAlreadyExistsException e) {
        fs = FileSystems.getFileSystem(uri);
        owned = false;
      }
      try {
        read(fs.provider().getPath(uri), files);
      } finally {
        if (owned) {
          fs.close();
        }
      }
    } else {
      read(Path.of(uri), files);
    }
  }

  private static void read(Path dir, Map<String, byte[]> files) throws IOException {
    List<Path> scripts;
    try (Stream<Path> s = Files.list(dir)) {
      scripts = s.filter(p -> Migration.isScript(p.getFileName().toString())).toList();
    }
    for (Path p : scripts) {
      String name = p.getFileName().toString();
      byte[] bytes;
      try (InputStream in = Files.newInputStream(p)) {
        bytes = in.readAllBytes();
      }
      byte[] earlier = files.putIfAbsent(name, bytes);
      if (earlier != null && !java.util.Arrays.equals(earlier, bytes)) {
        throw new StorageException("two different " + name + " on the classpath");
      }
    }
  }

  /**
   * Applies every migration the database has not seen, after checking the ones it has.
   *
   * @param pool the database
   * @param migrations all known scripts, versions 1..n
   * @return the versions applied now (empty when the schema was current)
   */
  public static Future<List<Integer>> apply(Pool pool, List<Migration> migrations) {
    return pool.withTransaction(
        conn ->
            conn.preparedQuery("SELECT pg_advisory_xact_lock($1)")
                .execute(Tuple.of(AdvisoryLocks.MIGRATIONS))
                // IF NOT EXISTS would otherwise log a NOTICE on every start.
                .compose(locked -> conn.query("SET LOCAL client_min_messages = warning").execute())
                .compose(
                    quiet ->
                        conn.query(
                                "CREATE TABLE IF NOT EXISTS schema_migrations ("
                                    + " version integer PRIMARY KEY,"
                                    + " name text NOT NULL,"
                                    + " checksum text NOT NULL,"
                                    + " applied_at timestamptz NOT NULL DEFAULT now())")
                            .execute())
                .compose(
                    created ->
                        conn.query("SELECT version, name, checksum FROM schema_migrations")
                            .execute())
                .compose(rows -> applyPending(conn, migrations, rows)));
  }

  private static Future<List<Integer>> applyPending(
      SqlConnection conn, List<Migration> migrations, Iterable<Row> applied) {
    Map<Integer, Migration> known = new HashMap<>();
    migrations.forEach(m -> known.put(m.version(), m));
    java.util.Set<Integer> done = new java.util.HashSet<>();
    for (Row row : applied) {
      int version = row.getInteger("version");
      Migration m = known.get(version);
      if (m == null) {
        return Future.failedFuture(
            new StorageException(
                "database has migration "
                    + version
                    + " ("
                    + row.getString("name")
                    + ") that this build does not know; refusing to start"));
      }
      if (!m.checksum().equals(row.getString("checksum"))) {
        return Future.failedFuture(
            new StorageException(
                "migration "
                    + m.name()
                    + " changed after it was applied: checksum "
                    + m.checksum()
                    + ", database has "
                    + row.getString("checksum")));
      }
      done.add(version);
    }
    List<Integer> now = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (Migration m : migrations) {
      if (done.contains(m.version())) {
        continue;
      }
      now.add(m.version());
      chain =
          chain
              .compose(
                  v ->
                      conn.query(m.sql())
                          .execute()
                          .recover(
                              e ->
                                  Future.failedFuture(
                                      new StorageException(
                                          "migration " + m.name() + " failed", e))))
              .compose(
                  v ->
                      conn.preparedQuery(
                              "INSERT INTO schema_migrations (version, name, checksum)"
                                  + " VALUES ($1, $2, $3)")
                          .execute(Tuple.of(m.version(), m.name(), m.checksum())))
              .mapEmpty();
    }
    return chain.map(v -> List.copyOf(now));
  }
}
