package io.sovereignrouter.gateway.attest;

import io.sovereignrouter.gateway.storage.SqliteAttestationIndex;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for the route-decision index: rows queue up and one worker writes whatever is
 * pending in one transaction, so the index never costs a request an fsync of its own. The index is
 * a lookup aid only — the audit log is the record, and a row can be rebuilt from it.
 */
public final class AttestationIndexWriter {
  private static final Logger LOG = LoggerFactory.getLogger(AttestationIndexWriter.class);
  private final Vertx vertx;
  private final SqliteAttestationIndex index;
  private final Queue<SqliteAttestationIndex.Row> pending = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean draining = new AtomicBoolean();

  /**
   * @param vertx for the worker
   * @param index the table
   */
  public AttestationIndexWriter(Vertx vertx, SqliteAttestationIndex index) {
    this.vertx = vertx;
    this.index = index;
  }

  /** Queues a row; returns at once. */
  public void submit(String routeDecisionId, String tenantId, long logIndex) {
    pending.add(new SqliteAttestationIndex.Row(routeDecisionId, tenantId, logIndex));
    if (draining.compareAndSet(false, true)) {
      vertx
          .executeBlocking(this::drain, false)
          .onFailure(e -> LOG.warn("attestation index: {}", e.getMessage()));
    }
  }

  private Void drain() {
    try {
      while (true) {
        List<SqliteAttestationIndex.Row> batch = new ArrayList<>();
        for (SqliteAttestationIndex.Row row; (row = pending.poll()) != null; ) {
          batch.add(row);
        }
        if (batch.isEmpty()) {
          return null;
        }
        index.recordAll(batch);
      }
    } finally {
      draining.set(false);
      // A row queued after the last poll but before the flag cleared would otherwise wait.
      if (!pending.isEmpty() && draining.compareAndSet(false, true)) {
        vertx.executeBlocking(this::drain, false);
      }
    }
  }

  /** Writes what is still queued (shutdown; blocking). */
  public void flush() {
    List<SqliteAttestationIndex.Row> batch = new ArrayList<>();
    for (SqliteAttestationIndex.Row row; (row = pending.poll()) != null; ) {
      batch.add(row);
    }
    if (!batch.isEmpty()) {
      index.recordAll(batch);
    }
  }
}
