package io.sovereignrouter.gateway.spend;

import io.sovereignrouter.gateway.storage.postgres.Placeholders;
import io.sovereignrouter.gateway.storage.postgres.PostgresDatabase;
import io.sovereignrouter.gateway.tenancy.SpendCap;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The scale-out {@link SpendLedger}. A reservation runs in one transaction holding a per-tenant
 * advisory lock, so holds from every replica are checked against the cap one at a time.
 */
public final class PostgresSpendLedger implements SpendLedger {
  private final PostgresDatabase db;

  /**
   * @param db the open database
   */
  public PostgresSpendLedger(PostgresDatabase db) {
    this.db = db;
  }

  @Override
  public Future<Reservation> reserve(
      String tenantId, SpendCap cap, long amountMicros, Instant now) {
    String id = Reservations.newId();
    return db.withTransaction(
        c ->
            c.preparedQuery("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))")
                .execute(Tuple.of("sovereign-spend:" + tenantId))
                .compose(locked -> status(c, tenantId, cap, now))
                .compose(
                    before -> {
                      if (amountMicros > before.remainingMicros()) {
                        return Future.failedFuture(
                            new QuotaExceededException(before, amountMicros));
                      }
                      return c.preparedQuery(Placeholders.numbered(UsageSql.INSERT_RESERVATION))
                          .execute(Tuple.of(id, tenantId, amountMicros, now.toEpochMilli()))
                          .map(
                              inserted ->
                                  new Reservation(
                                      id,
                                      tenantId,
                                      amountMicros,
                                      new QuotaStatus(
                                          before.limitMicros(),
                                          before.remainingMicros() - amountMicros,
                                          before.reset())));
                    }));
  }

  @Override
  public Future<Void> settle(Reservation reservation, UsageEvent usage) {
    return db.withTransaction(
        c ->
            c.preparedQuery(Placeholders.numbered(UsageSql.DELETE_RESERVATION))
                .execute(Tuple.of(reservation.id()))
                .compose(deleted -> upsertUsage(c, usage)));
  }

  @Override
  public Future<Void> release(Reservation reservation) {
    return db.pool()
        .preparedQuery(Placeholders.numbered(UsageSql.DELETE_RESERVATION))
        .execute(Tuple.of(reservation.id()))
        .mapEmpty();
  }

  @Override
  public Future<Void> record(UsageEvent usage) {
    return upsertUsage(db.pool(), usage);
  }

  @Override
  public Future<QuotaStatus> status(String tenantId, SpendCap cap, Instant now) {
    return status(db.pool(), tenantId, cap, now);
  }

  @Override
  public Future<Integer> releaseStale(Instant cutoff) {
    return db.pool()
        .preparedQuery(Placeholders.numbered(UsageSql.DELETE_STALE))
        .execute(Tuple.of(cutoff.toEpochMilli()))
        .map(rows -> rows.rowCount());
  }

  @Override
  public Future<List<UsageRow>> usage(UsageQuery query) {
    List<UsageQuery.Dimension> dims = query.groupBy().stream().sorted().toList();
    Tuple args = Tuple.of(query.from().toString(), query.to().toString());
    query.tenantId().ifPresent(args::addString);
    return db.pool()
        .preparedQuery(Placeholders.numbered(UsageSql.report(query)))
        .execute(args)
        .map(
            rows -> {
              List<UsageRow> out = new ArrayList<>();
              for (Row r : rows) {
                Map<UsageQuery.Dimension, String> group = new EnumMap<>(UsageQuery.Dimension.class);
                for (int i = 0; i < dims.size(); i++) {
                  group.put(dims.get(i), r.getString(i));
                }
                int s = dims.size();
                out.add(
                    new UsageRow(
                        group, number(r, s), number(r, s + 1), number(r, s + 2), number(r, s + 3)));
              }
              return out;
            });
  }

  /** SUM over BIGINT is NUMERIC in PostgreSQL. */
  private static long number(Row r, int column) {
    return ((Number) r.getValue(column)).longValue();
  }

  private static Future<QuotaStatus> status(
      SqlClient c, String tenantId, SpendCap cap, Instant now) {
    LocalDate start = cap.period().start(now);
    Instant reset = cap.period().reset(now);
    String end = LocalDate.ofInstant(reset, ZoneOffset.UTC).toString();
    return c.preparedQuery(Placeholders.numbered(UsageSql.SPENT))
        .execute(Tuple.of(tenantId, start.toString(), end))
        .compose(
            spent ->
                c.preparedQuery(Placeholders.numbered(UsageSql.RESERVED))
                    .execute(Tuple.of(tenantId))
                    .map(
                        reserved ->
                            new QuotaStatus(
                                cap.limitMicros(),
                                cap.limitMicros()
                                    - number(spent.iterator().next(), 0)
                                    - number(reserved.iterator().next(), 0),
                                reset)));
  }

  private static Future<Void> upsertUsage(SqlClient c, UsageEvent u) {
    return c.preparedQuery(Placeholders.numbered(UsageSql.UPSERT_USAGE))
        .execute(
            Tuple.of(
                    LocalDate.ofInstant(u.at(), ZoneOffset.UTC).toString(),
                    u.tenantId(),
                    u.keyId(),
                    u.provider(),
                    u.model())
                .addLong(u.inputTokens())
                .addLong(u.outputTokens())
                .addLong(u.costMicros()))
        .mapEmpty();
  }
}
