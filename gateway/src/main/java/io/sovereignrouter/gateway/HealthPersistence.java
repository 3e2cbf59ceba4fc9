package io.sovereignrouter.gateway;

import io.sovereignrouter.gateway.routing.HealthTracker;
import io.sovereignrouter.gateway.storage.SqliteHealthStore;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Saves provider health every few seconds on a worker thread, and once more at shutdown. */
final class HealthPersistence {
  private static final Logger LOG = LoggerFactory.getLogger(HealthPersistence.class);
  static final long INTERVAL_MS = 10_000;
  private final Vertx vertx;
  private final HealthTracker health;
  private final SqliteHealthStore store;
  private final long timer;

  HealthPersistence(Vertx vertx, HealthTracker health, SqliteHealthStore store) {
    this.vertx = vertx;
    this.health = health;
    this.store = store;
    this.timer =
        vertx.setPeriodic(
            INTERVAL_MS,
            id ->
                vertx
                    .executeBlocking(this::save, false)
                    .onFailure(e -> LOG.warn("saving provider health failed: {}", e.getMessage())));
  }

  private Void save() {
    store.save(health.export(), System.currentTimeMillis());
    return null;
  }

  /** Stops the timer and saves synchronously (the caller is shutting down, off the event loop). */
  void stop() {
    vertx.cancelTimer(timer);
    save();
  }
}
