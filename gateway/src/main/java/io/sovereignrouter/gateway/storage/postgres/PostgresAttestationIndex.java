package io.sovereignrouter.gateway.storage.postgres;

import io.sovereignrouter.gateway.storage.AttestationIndex;
import io.vertx.core.Future;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Optional;

/** The scale-out {@link AttestationIndex}: any replica can answer for any other's attestation. */
public final class PostgresAttestationIndex implements AttestationIndex {
  private final PostgresDatabase db;

  /**
   * @param db the open database
   */
  public PostgresAttestationIndex(PostgresDatabase db) {
    this.db = db;
  }

  @Override
  public Future<Void> recordAll(List<Row> rows) {
    long now = System.currentTimeMillis();
    List<Tuple> batch =
        rows.stream()
            .map(r -> Tuple.of(r.routeDecisionId(), r.tenantId(), r.logIndex(), now))
            .toList();
    return db.pool()
        .preparedQuery(
            "INSERT INTO attestations(route_decision_id, tenant_id, log_index, created_at)"
                + " VALUES ($1, $2, $3, $4) ON CONFLICT (route_decision_id) DO UPDATE SET"
                + " tenant_id = excluded.tenant_id, log_index = excluded.log_index")
        .executeBatch(batch)
        .mapEmpty();
  }

  @Override
  public Future<Optional<Entry>> find(String routeDecisionId) {
    return db.pool()
        .preparedQuery("SELECT tenant_id, log_index FROM attestations WHERE route_decision_id = $1")
        .execute(Tuple.of(routeDecisionId))
        .map(
            rows ->
                rows.size() == 0
                    ? Optional.empty()
                    : Optional.of(
                        new Entry(
                            rows.iterator().next().getString(0),
                            rows.iterator().next().getLong(1))));
  }
}
