package io.sovereignrouter.gateway.provider;

import io.vertx.core.Vertx;

/**
 * Fires once when no progress was reported for {@code idleMs}. Event-loop confined: {@link
 * #restart} and {@link #stop} must run on the stream's context.
 */
final class StallTimer {
  private final Vertx vertx;
  private final long idleMs;
  private final Runnable onStall;
  private long timerId = -1;
  private boolean stopped;

  StallTimer(Vertx vertx, long idleMs, Runnable onStall) {
    this.vertx = vertx;
    this.idleMs = idleMs;
    this.onStall = onStall;
  }

  /** Progress was made (or reading resumed): the idle period starts again. */
  void restart() {
    cancel();
    stopped = false;
    timerId =
        vertx.setTimer(
            idleMs,
            id -> {
              timerId = -1;
              if (!stopped) {
                onStall.run();
              }
            });
  }

  /** Suspends the clock (paused reading, or the stream is over). */
  void stop() {
    stopped = true;
    cancel();
  }

  private void cancel() {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
      timerId = -1;
    }
  }
}
