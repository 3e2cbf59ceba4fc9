package io.sovereignrouter.gateway.storage.postgres;

import io.sovereignrouter.attestation.Checkpoint;
import io.sovereignrouter.attestation.FormatException;
import io.sovereignrouter.attestation.LogStorageException;
import io.sovereignrouter.attestation.Note;
import io.sovereignrouter.attestation.SharedTileStore;
import io.sovereignrouter.attestation.TilePath;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The Merkle log in PostgreSQL ({@code V1__log.sql}), shared by every gateway replica: {@code
 * log_entries} (one row per leaf; bundles are assembled from consecutive rows), {@code log_tiles}
 * (one row per hash tile, its widest version) and {@code log_checkpoint} (one row).
 *
 * <p>{@link #integrate} runs in one transaction that first takes {@code
 * pg_advisory_xact_lock(LOG_INTEGRATOR)}: one replica at a time reads the checkpoint, and its
 * entries, tiles and new checkpoint commit together or not at all. The lock dies with the
 * transaction, so a killed replica never blocks the others.
 *
 * <p>Methods block: call them from the log's sequencer or a worker thread, never an event loop
 * (they refuse to). The database is the caller's; {@link #close()} leaves it open.
 */
public final class PostgresTileStore implements SharedTileStore {
  private static final int WIDTH = TilePath.FULL_WIDTH;
  private static final int HASH = 32;

  private final PostgresDatabase db;
  private final Duration timeout;

  private PostgresTileStore(PostgresDatabase db, Duration timeout) {
    this.db = db;
    this.timeout = timeout;
  }

  /**
   * A store over an open database whose schema includes {@code V1__log.sql}.
   *
   * @param db the database (not owned)
   * @param timeout longest wait for one database operation, lock waits included
   * @return the store
   */
  public static PostgresTileStore create(PostgresDatabase db, Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    return new PostgresTileStore(db, timeout);
  }

  @Override
  public Optional<byte[]> read(TilePath path) {
    return read(db.pool(), path);
  }

  private Optional<byte[]> read(SqlClient client, TilePath path) {
    return switch (path) {
      case TilePath.Hashes h -> {
        RowSet<Row> rows =
            await(
                client
                    .preparedQuery(
                        "SELECT width, hashes FROM log_tiles WHERE tile_level = $1 AND tile_index = $2")
                    .execute(Tuple.of((short) h.level(), h.index())),
                "read " + path.format());
        if (rows.size() == 0) {
          yield Optional.empty();
        }
        Row row = rows.iterator().next();
        if (row.getShort("width") < h.width()) {
          yield Optional.empty();
        }
        // Tiles grow by appending: a narrower version is a prefix of the stored one.
        yield Optional.of(row.getBuffer("hashes").getBytes(0, h.width() * HASH));
      }
      case TilePath.Entries e -> {
        long first = e.index() * WIDTH;
        RowSet<Row> rows =
            await(
                client
                    .preparedQuery(
                        "SELECT data FROM log_entries WHERE entry_index >= $1 AND entry_index < $2"
                            + " ORDER BY entry_index")
                    .execute(Tuple.of(first, first + e.width())),
                "read " + path.format());
        if (rows.size() < e.width()) {
          yield Optional.empty();
        }
        List<byte[]> entries = new ArrayList<>(e.width());
        rows.forEach(r -> entries.add(r.getBuffer("data").getBytes()));
        yield Optional.of(EntryBundles.encode(entries));
      }
    };
  }

  @Override
  public Optional<byte[]> readCheckpoint() {
    return readCheckpoint(db.pool()).map(Stored::note);
  }

  private record Stored(long treeSize, byte[] note) {}

  private Optional<Stored> readCheckpoint(SqlClient client) {
    RowSet<Row> rows =
        await(
            client.query("SELECT tree_size, note FROM log_checkpoint WHERE id = 1").execute(),
            "read checkpoint");
    if (rows.size() == 0) {
      return Optional.empty();
    }
    Row row = rows.iterator().next();
    return Optional.of(new Stored(row.getLong("tree_size"), row.getBuffer("note").getBytes()));
  }

  /** Writes one resource in its own transaction (outside {@link #integrate}: tools and tests). */
  @Override
  public void write(TilePath path, byte[] data) {
    Staged staged = new Staged(0);
    staged.write(path, data);
    commit(staged);
  }

  /** A no-op: every write commits durably before it returns. */
  @Override
  public void sync() {}

  /** Replaces the checkpoint in its own transaction; it never moves to a smaller tree. */
  @Override
  public void writeCheckpoint(byte[] signedNote) {
    Staged staged = new Staged(0);
    staged.writeCheckpoint(signedNote);
    commit(staged);
  }

  /** A no-op: integrations are transactions, so nothing past a checkpoint is ever stored. */
  @Override
  public void discardBeyond(long treeSize) {}

  @Override
  public <T> T integrate(Function<Integration, T> integration) {
    SqlConnection conn = await(db.pool().getConnection(), "connect");
    try {
      Transaction tx = await(conn.begin(), "begin");
      T result;
      try {
        long ms = timeout.toMillis();
        // The server gives up waiting for the lock when we do, and ends a holder that stalls
        // (a paused process) instead of blocking every other replica.
        await(
            conn.query(
                    "SET LOCAL lock_timeout = "
                        + ms
                        + "; SET LOCAL idle_in_transaction_session_timeout = "
                        + ms
                        + "; SELECT pg_advisory_xact_lock("
                        + AdvisoryLocks.LOG_INTEGRATOR
                        + ")")
                .execute(),
            "take the integrator lock");
        Optional<Stored> current = readCheckpoint(conn);
        Staged staged = new Staged(current.map(Stored::treeSize).orElse(0L));
        result = integration.apply(staged.view(current.map(Stored::note)));
        flush(conn, staged);
      } catch (RuntimeException e) {
        try {
          await(tx.rollback(), "roll back");
        } catch (RuntimeException rollback) {
          e.addSuppressed(rollback);
        }
        throw e;
      }
      await(tx.commit(), "commit (outcome unknown)");
      return result;
    } finally {
      conn.close();
    }
  }

  /** Releases nothing: the database belongs to whoever opened it. */
  @Override
  public void close() {}

  private void commit(Staged staged) {
    await(db.withTransaction(conn -> Future.all(flushAsync(conn, staged)).mapEmpty()), "write");
  }

  private void flush(SqlConnection conn, Staged staged) {
    for (Future<?> f : flushAsync(conn, staged)) {
      await(f, "write");
    }
  }

  // Queues the staged statements on one connection (the client pipelines them in order).
  private List<Future<?>> flushAsync(SqlConnection conn, Staged staged) {
    List<Future<?>> out = new ArrayList<>();
    if (!staged.tiles.isEmpty()) {
      int n = staged.tiles.size();
      Short[] levels = new Short[n];
      Long[] indexes = new Long[n];
      Short[] widths = new Short[n];
      Buffer[] hashes = new Buffer[n];
      int i = 0;
      for (Map.Entry<TilePath.Hashes, byte[]> t : staged.tiles.entrySet()) {
        levels[i] = (short) t.getKey().level();
        indexes[i] = t.getKey().index();
        widths[i] = (short) t.getKey().width();
        hashes[i] = Buffer.buffer(t.getValue());
        i++;
      }
      out.add(
          conn.preparedQuery(
                  "INSERT INTO log_tiles (tile_level, tile_index, width, hashes)"
                      + " SELECT * FROM unnest($1::smallint[], $2::bigint[], $3::smallint[],"
                      + " $4::bytea[])"
                      + " ON CONFLICT (tile_level, tile_index) DO UPDATE"
                      + " SET width = excluded.width, hashes = excluded.hashes"
                      // Only ever widen, and only by appending: stored hashes stay a prefix.
                      + " WHERE excluded.width > log_tiles.width"
                      + " AND substring(excluded.hashes FROM 1 FOR length(log_tiles.hashes))"
                      + " = log_tiles.hashes")
              .execute(
                  Tuple.tuple()
                      .addArrayOfShort(levels)
                      .addArrayOfLong(indexes)
                      .addArrayOfShort(widths)
                      .addArrayOfBuffer(hashes)));
    }
    if (!staged.entries.isEmpty()) {
      Long[] indexes = staged.entries.keySet().toArray(Long[]::new);
      Buffer[] data = staged.entries.values().stream().map(Buffer::buffer).toArray(Buffer[]::new);
      out.add(
          conn.preparedQuery(
                  "INSERT INTO log_entries (entry_index, data)"
                      + " SELECT * FROM unnest($1::bigint[], $2::bytea[])"
                      + " ON CONFLICT (entry_index) DO NOTHING")
              .execute(Tuple.tuple().addArrayOfLong(indexes).addArrayOfBuffer(data)));
    }
    if (staged.checkpoint != null) {
      long size = treeSize(staged.checkpoint);
      out.add(
          conn.preparedQuery(
                  "INSERT INTO log_checkpoint (id, tree_size, note, updated_at)"
                      + " VALUES (1, $1, $2, now())"
                      + " ON CONFLICT (id) DO UPDATE"
                      + " SET tree_size = excluded.tree_size, note = excluded.note,"
                      + " updated_at = excluded.updated_at"
                      + " WHERE log_checkpoint.tree_size <= excluded.tree_size"
                      + " RETURNING tree_size")
              .execute(Tuple.of(size, Buffer.buffer(staged.checkpoint)))
              .map(
                  rows -> {
                    if (rows.rowCount() != 1) {
                      throw new LogStorageException(
                          "stored checkpoint is past tree size " + size + ": refusing to go back");
                    }
                    return rows;
                  }));
    }
    return out;
  }

  private static long treeSize(byte[] signedNote) {
    try {
      return Checkpoint.parse(Note.parse(signedNote).text()).size();
    } catch (FormatException e) {
      throw new LogStorageException("checkpoint to store is malformed: " + e.getMessage(), e);
    }
  }

  private <T> T await(Future<T> future, String what) {
    if (Context.isOnEventLoopThread()) {
      throw new IllegalStateException("PostgresTileStore blocks: not on an event loop");
    }
    try {
      return future
          .toCompletionStage()
          .toCompletableFuture()
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof LogStorageException lse) {
        throw lse;
      }
      throw new LogStorageException(
          "log storage: " + what + " failed: " + cause.getMessage(), cause);
    } catch (TimeoutException e) {
      throw new LogStorageException("log storage: " + what + " timed out after " + timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LogStorageException("log storage: " + what + " interrupted", e);
    }
  }

  /** Writes staged by one integration; entries already below the durable size are skipped. */
  private static final class Staged {
    private final long durableSize;
    private final Map<TilePath.Hashes, byte[]> tiles = new LinkedHashMap<>();
    private final Map<Long, byte[]> entries = new LinkedHashMap<>();
    private byte[] checkpoint;

    Staged(long durableSize) {
      this.durableSize = durableSize;
    }

    void write(TilePath path, byte[] data) {
      switch (path) {
        case TilePath.Hashes h -> {
          if (data.length != h.width() * HASH) {
            throw new LogStorageException(
                "tile " + h.format() + ": " + data.length + " bytes, want " + h.width() * HASH);
          }
          tiles.put(h, data.clone());
        }
        case TilePath.Entries e -> {
          List<byte[]> decoded = EntryBundles.decode(data, e.width());
          for (int i = 0; i < decoded.size(); i++) {
            long index = e.index() * WIDTH + i;
            if (index >= durableSize) {
              entries.put(index, decoded.get(i));
            }
          }
        }
      }
    }

    void writeCheckpoint(byte[] signedNote) {
      checkpoint = signedNote.clone();
    }

    Integration view(Optional<byte[]> current) {
      return new Integration() {
        @Override
        public Optional<byte[]> checkpoint() {
          return current.map(byte[]::clone);
        }

        @Override
        public void write(TilePath path, byte[] data) {
          Staged.this.write(path, data);
        }

        @Override
        public void writeCheckpoint(byte[] signedNote) {
          Staged.this.writeCheckpoint(signedNote);
        }
      };
    }
  }
}
