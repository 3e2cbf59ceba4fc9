package io.sovereignrouter.gateway.attest;

import io.sovereignrouter.gateway.storage.AttestationIndex;
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
  private final AttestationIndex index;
  private final Queue<AttestationIndex.Row> pending = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean draining = new AtomicBoolean();

  /**
   * @param vertx for the worker
   * @param index the table
   */
  public AttestationIndexWriter(Vertx vertx, AttestationIndex index) {
    this.vertx = vertx;
    this.index = index;
  }

  /** Queues a row; returns at once. */
  public void submit(String routeDecisionId, String tenantId, long logIndex) {
    pending.add(new AttestationIndex.Row(routeDecisionId, tenantId, logIndex));
    if (draining.compareAndSet(false, true)) {
      drain();
    }
  }

  /** Writes everything queued, one batch at a time, until the queue is empty. */
  private void drain() {
    List<AttestationIndex.Row> batch = poll();
    if (batch.isEmpty()) {
      draining.set(false);
      // A row queued after the poll but before the flag cleared would otherwise wait.
      if (!pending.isEmpty() && draining.compareAndSet(false, true)) {
        drain();
      }
      return;
    }
    index
        .recordAll(batch)
        .onFailure(e -> LOG.warn("attestation index: {}", e.getMessage()))
        .onComplete(done -> drain());
  }

  private List<AttestationIndex.Row> poll() {
    List<AttestationIndex.Row> batch = new ArrayList<>();
    for (AttestationIndex.Row row; (row = pending.poll()) != null; ) {
      batch.add(row);
    }
    return batch;
  }

  /** Writes what is still queued (shutdown; call from a non-event-loop thread). */
  public void flush() {
    List<AttestationIndex.Row> batch = poll();
    if (!batch.isEmpty()) {
      index.recordAll(batch).toCompletionStage().toCompletableFuture().join();
    }
  }
}
