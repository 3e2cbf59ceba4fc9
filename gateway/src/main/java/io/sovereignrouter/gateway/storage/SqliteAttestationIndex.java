package io.sovereignrouter.gateway.storage;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** The embedded {@link AttestationIndex}. */
public final class SqliteAttestationIndex implements AttestationIndex {
  private final Vertx vertx;
  private final SqliteDatabase db;

  /**
   * @param vertx runs the JDBC calls on its worker pool
   * @param db the open database (not closed here)
   */
  public SqliteAttestationIndex(Vertx vertx, SqliteDatabase db) {
    this.vertx = vertx;
    this.db = db;
  }

  @Override
  public Future<Void> recordAll(java.util.List<Row> rows) {
    return db.transactionAsync(
        vertx,
        "record attestations",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT OR REPLACE INTO attestations(route_decision_id, tenant_id, log_index, created_at)"
                      + " VALUES (?, ?, ?, ?)")) {
            long now = System.currentTimeMillis();
            for (Row row : rows) {
              ps.setString(1, row.routeDecisionId());
              ps.setString(2, row.tenantId());
              ps.setLong(3, row.logIndex());
              ps.setLong(4, now);
              ps.addBatch();
            }
            ps.executeBatch();
            return null;
          }
        });
  }

  @Override
  public Future<Optional<Entry>> find(String routeDecisionId) {
    return db.runAsync(
        vertx,
        "find attestation",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT tenant_id, log_index FROM attestations WHERE route_decision_id = ?")) {
            ps.setString(1, routeDecisionId);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next()
                  ? Optional.of(new Entry(rs.getString(1), rs.getLong(2)))
                  : Optional.empty();
            }
          }
        });
  }
}
