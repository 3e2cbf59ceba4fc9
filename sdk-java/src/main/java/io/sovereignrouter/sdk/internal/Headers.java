package io.sovereignrouter.sdk.internal;

import io.sovereignrouter.sdk.Quota;
import io.sovereignrouter.sdk.RateLimit;
import io.sovereignrouter.sdk.ResponseMeta;
import java.math.BigDecimal;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalLong;

/** Reads the gateway's response headers (DESIGN §4) into {@link ResponseMeta}. */
public final class Headers {
  private Headers() {}

  /** The metadata of an answer. */
  public static ResponseMeta meta(int status, HttpHeaders h) {
    return meta(status, h, Clock.systemUTC());
  }

  static ResponseMeta meta(int status, HttpHeaders h, Clock clock) {
    Optional<String> limit = h.firstValue("X-Quota-Limit");
    Optional<String> remaining = h.firstValue("X-Quota-Remaining");
    Optional<String> reset = h.firstValue("X-Quota-Reset");
    Optional<Quota> quota =
        limit.isPresent() || remaining.isPresent() || reset.isPresent()
            ? Optional.of(new Quota(decimal(limit), decimal(remaining), reset))
            : Optional.empty();
    RateLimit rl =
        new RateLimit(
            number(h, "x-ratelimit-limit-requests"),
            number(h, "x-ratelimit-remaining-requests"),
            h.firstValue("x-ratelimit-reset-requests"),
            number(h, "x-ratelimit-limit-tokens"),
            number(h, "x-ratelimit-remaining-tokens"),
            h.firstValue("x-ratelimit-reset-tokens"));
    boolean anyLimit =
        rl.limitRequests().isPresent()
            || rl.remainingRequests().isPresent()
            || rl.resetRequests().isPresent()
            || rl.limitTokens().isPresent()
            || rl.remainingTokens().isPresent()
            || rl.resetTokens().isPresent();
    return new ResponseMeta(
        status,
        h.firstValue("X-Request-Id"),
        h.firstValue("X-SF-Route-Decision"),
        h.firstValue("X-SF-Provider"),
        h.firstValue("X-SF-Model"),
        h.firstValue("X-SF-Tier"),
        number(h, "X-SF-Log-Index"),
        h.firstValue("X-SF-Attempts"),
        quota,
        anyLimit ? Optional.of(rl) : Optional.empty(),
        retryAfter(h, clock));
  }

  /**
   * {@code retry-after-ms} (OpenAI's finer variant), else RFC 9110 §10.2.3 {@code Retry-After}:
   * delay-seconds or an HTTP-date.
   */
  static Optional<Duration> retryAfter(HttpHeaders h, Clock clock) {
    OptionalLong ms = number(h, "retry-after-ms");
    if (ms.isPresent()) {
      return Optional.of(Duration.ofMillis(ms.getAsLong()));
    }
    Optional<String> value = h.firstValue("Retry-After").map(String::strip);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    String v = value.get();
    if (v.matches("[0-9]{1,9}")) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration d = Duration.between(clock.instant(), at.toInstant());
      return Optional.of(d.isNegative() ? Duration.ZERO : d);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static OptionalLong number(HttpHeaders h, String name) {
    Optional<String> v = h.firstValue(name).map(String::strip);
    if (v.isEmpty() || !v.get().matches("-?[0-9]{1,18}")) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Long.parseLong(v.get()));
  }

  private static Optional<BigDecimal> decimal(Optional<String> v) {
    try {
      return v.map(String::strip).map(BigDecimal::new);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
