package io.sovereignrouter.gateway.spend;

import io.sovereignrouter.gateway.storage.SqliteDatabase;
import io.sovereignrouter.gateway.tenancy.SpendCap;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The embedded {@link SpendLedger}. SQLite runs one writer at a time and {@link SqliteDatabase}
 * serialises every call, so a reservation's check and insert cannot interleave with another's.
 */
public final class SqliteSpendLedger implements SpendLedger {
  private final Vertx vertx;
  private final SqliteDatabase db;

  /**
   * @param vertx runs the JDBC calls on its worker pool
   * @param db the open database
   */
  public SqliteSpendLedger(Vertx vertx, SqliteDatabase db) {
    this.vertx = vertx;
    this.db = db;
  }

  @Override
  public Future<Reservation> reserve(
      String tenantId, SpendCap cap, long amountMicros, Instant now) {
    String id = Reservations.newId();
    return db.transactionAsync(
        vertx,
        "reserve spend",
        c -> {
          QuotaStatus before = status(c, tenantId, cap, now);
          if (amountMicros > before.remainingMicros()) {
            throw new QuotaExceededException(before, amountMicros);
          }
          try (PreparedStatement ps = c.prepareStatement(UsageSql.INSERT_RESERVATION)) {
            ps.setString(1, id);
            ps.setString(2, tenantId);
            ps.setLong(3, amountMicros);
            ps.setLong(4, now.toEpochMilli());
            ps.executeUpdate();
          }
          return new Reservation(
              id,
              tenantId,
              amountMicros,
              new QuotaStatus(
                  before.limitMicros(), before.remainingMicros() - amountMicros, before.reset()));
        });
  }

  @Override
  public Future<Void> settle(Reservation reservation, UsageEvent usage) {
    return db.transactionAsync(
        vertx,
        "settle spend",
        c -> {
          delete(c, reservation.id());
          upsertUsage(c, usage);
          return null;
        });
  }

  @Override
  public Future<Void> release(Reservation reservation) {
    return db.runAsync(
        vertx,
        "release spend",
        c -> {
          delete(c, reservation.id());
          return null;
        });
  }

  @Override
  public Future<Void> record(UsageEvent usage) {
    return db.runAsync(
        vertx,
        "record usage",
        c -> {
          upsertUsage(c, usage);
          return null;
        });
  }

  @Override
  public Future<QuotaStatus> status(String tenantId, SpendCap cap, Instant now) {
    return db.runAsync(vertx, "read spend", c -> status(c, tenantId, cap, now));
  }

  @Override
  public Future<Integer> releaseStale(Instant cutoff) {
    return db.runAsync(
        vertx,
        "release stale holds",
        c -> {
          try (PreparedStatement ps = c.prepareStatement(UsageSql.DELETE_STALE)) {
            ps.setLong(1, cutoff.toEpochMilli());
            return ps.executeUpdate();
          }
        });
  }

  @Override
  public Future<List<UsageRow>> usage(UsageQuery query) {
    return db.runAsync(
        vertx,
        "read usage",
        c -> {
          List<UsageQuery.Dimension> dims = query.groupBy().stream().sorted().toList();
          try (PreparedStatement ps = c.prepareStatement(UsageSql.report(query))) {
            ps.setString(1, query.from().toString());
            ps.setString(2, query.to().toString());
            if (query.tenantId().isPresent()) {
              ps.setString(3, query.tenantId().get());
            }
            List<UsageRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                Map<UsageQuery.Dimension, String> group = new EnumMap<>(UsageQuery.Dimension.class);
                for (int i = 0; i < dims.size(); i++) {
                  group.put(dims.get(i), rs.getString(i + 1));
                }
                int s = dims.size();
                rows.add(
                    new UsageRow(
                        group,
                        rs.getLong(s + 1),
                        rs.getLong(s + 2),
                        rs.getLong(s + 3),
                        rs.getLong(s + 4)));
              }
            }
            return rows;
          }
        });
  }

  private static QuotaStatus status(Connection c, String tenantId, SpendCap cap, Instant now)
      throws SQLException {
    LocalDate start = cap.period().start(now);
    Instant reset = cap.period().reset(now);
    long spent;
    try (PreparedStatement ps = c.prepareStatement(UsageSql.SPENT)) {
      ps.setString(1, tenantId);
      ps.setString(2, start.toString());
      ps.setString(3, LocalDate.ofInstant(reset, ZoneOffset.UTC).toString());
      spent = single(ps);
    }
    long reserved;
    try (PreparedStatement ps = c.prepareStatement(UsageSql.RESERVED)) {
      ps.setString(1, tenantId);
      reserved = single(ps);
    }
    return new QuotaStatus(cap.limitMicros(), cap.limitMicros() - spent - reserved, reset);
  }

  private static long single(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  private static void delete(Connection c, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(UsageSql.DELETE_RESERVATION)) {
      ps.setString(1, id);
      ps.executeUpdate();
    }
  }

  private static void upsertUsage(Connection c, UsageEvent u) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(UsageSql.UPSERT_USAGE)) {
      ps.setString(1, LocalDate.ofInstant(u.at(), ZoneOffset.UTC).toString());
      ps.setString(2, u.tenantId());
      ps.setString(3, u.keyId());
      ps.setString(4, u.provider());
      ps.setString(5, u.model());
      ps.setLong(6, u.inputTokens());
      ps.setLong(7, u.outputTokens());
      ps.setLong(8, u.costMicros());
      ps.executeUpdate();
    }
  }
}
