package io.sovereignrouter.gateway.storage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** Route decision id → log index and owning tenant. Blocking: call from worker threads. */
public final class SqliteAttestationIndex {
  private final SqliteDatabase db;

  /**
   * @param db the open database (not closed here)
   */
  public SqliteAttestationIndex(SqliteDatabase db) {
    this.db = db;
  }

  /**
   * A recorded attestation.
   *
   * @param tenantId owner
   * @param logIndex the entry's index in the audit log
   */
  public record Entry(String tenantId, long logIndex) {}

  /**
   * A row to record.
   *
   * @param routeDecisionId the request
   * @param tenantId its tenant
   * @param logIndex its entry in the audit log
   */
  public record Row(String routeDecisionId, String tenantId, long logIndex) {}

  /** Records rows in one transaction (one fsync however many there are). */
  public void recordAll(java.util.List<Row> rows) {
    db.transaction(
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

  /** Where {@code routeDecisionId}'s attestation is, if it was recorded. */
  public Optional<Entry> find(String routeDecisionId) {
    return db.run(
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
