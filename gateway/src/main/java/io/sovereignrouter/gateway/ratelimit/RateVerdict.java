package io.sovereignrouter.gateway.ratelimit;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to one admission: admitted or not, and the tightest request and token windows, as
 * {@code x-ratelimit-*} headers report them.
 *
 * @param admitted whether the request may go on
 * @param requests the request window with the least room, if any bucket limits requests
 * @param tokens the token window with the least room, if any bucket limits tokens
 * @param window the minute window the request was counted in (for the token correction)
 */
public record RateVerdict(
    boolean admitted, Optional<Window> requests, Optional<Window> tokens, long window) {
  /** Validates. */
  public RateVerdict {
    Objects.requireNonNull(requests, "requests");
    Objects.requireNonNull(tokens, "tokens");
  }

  /** How long a refused client should wait: until the current window resets. */
  public Duration retryAfter() {
    Duration r = requests.map(Window::reset).orElse(Duration.ZERO);
    Duration t = tokens.map(Window::reset).orElse(Duration.ZERO);
    return r.compareTo(t) >= 0 ? r : t;
  }

  /**
   * One limited counter in the current window.
   *
   * @param limit per minute
   * @param remaining what is left in this window (never negative)
   * @param reset time until the window rolls over
   */
  public record Window(long limit, long remaining, Duration reset) {
    /** Clamps. */
    public Window {
      remaining = Math.max(0, remaining);
    }
  }
}
