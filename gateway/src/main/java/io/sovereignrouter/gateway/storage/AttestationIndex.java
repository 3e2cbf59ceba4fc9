package io.sovereignrouter.gateway.storage;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * Route decision id → log index and owning tenant, for {@code GET /v1/attestations/{id}}. A lookup
 * aid only: the audit log is the record, and every row can be rebuilt from it.
 */
public interface AttestationIndex {
  /**
   * A recorded attestation.
   *
   * @param tenantId owner
   * @param logIndex the entry's index in the audit log
   */
  record Entry(String tenantId, long logIndex) {}

  /**
   * A row to record.
   *
   * @param routeDecisionId the request
   * @param tenantId its tenant
   * @param logIndex its entry in the audit log
   */
  record Row(String routeDecisionId, String tenantId, long logIndex) {}

  /** Records rows in one transaction (one commit however many there are). */
  Future<Void> recordAll(List<Row> rows);

  /** Where {@code routeDecisionId}'s attestation is, if it was recorded. */
  Future<Optional<Entry>> find(String routeDecisionId);
}
