package io.sovereignrouter.gateway.spend;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Releases spend holds whose request died without settling (a killed replica, a lost connection).
 * Holds older than any request may live are stale by definition.
 */
public final class SpendSweeper {
  private static final Logger LOG = LoggerFactory.getLogger(SpendSweeper.class);

  /** Longer than the longest provider deadline (5 min total by default) with margin. */
  static final Duration STALE_AFTER = Duration.ofMinutes(15);

  private static final long PERIOD_MS = 60_000;
  private final Vertx vertx;
  private final long timer;

  /**
   * @param vertx timer owner
   * @param ledger holds to sweep
   */
  public SpendSweeper(Vertx vertx, SpendLedger ledger) {
    this.vertx = vertx;
    this.timer =
        vertx.setPeriodic(
            PERIOD_MS,
            id ->
                ledger
                    .releaseStale(Instant.now().minus(STALE_AFTER))
                    .onSuccess(
                        n -> {
                          if (n > 0) {
                            LOG.warn("released {} stale spend holds", n);
                          }
                        })
                    .onFailure(e -> LOG.warn("spend sweep failed: {}", e.getMessage())));
  }

  /** Cancels the timer. */
  public void stop() {
    vertx.cancelTimer(timer);
  }
}
