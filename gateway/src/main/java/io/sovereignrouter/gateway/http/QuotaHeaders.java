package io.sovereignrouter.gateway.http;

import io.sovereignrouter.gateway.ratelimit.RateVerdict;
import io.sovereignrouter.gateway.spend.QuotaExceededException;
import io.sovereignrouter.gateway.spend.QuotaStatus;
import io.sovereignrouter.gateway.tenancy.SpendCap;
import io.sovereignrouter.gateway.tenancy.TenantSettingsJson;
import io.vertx.core.http.HttpServerResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code x-ratelimit-*} headers (OpenAI's names and duration format) and {@code X-Quota-*} headers
 * (USD amounts; reset in seconds), plus the 429 and 402 answers that carry them.
 */
final class QuotaHeaders {
  private QuotaHeaders() {}

  static void rateLimits(HttpServerResponse response, RateVerdict verdict) {
    verdict
        .requests()
        .ifPresent(
            w ->
                response
                    .putHeader("x-ratelimit-limit-requests", Long.toString(w.limit()))
                    .putHeader("x-ratelimit-remaining-requests", Long.toString(w.remaining()))
                    .putHeader("x-ratelimit-reset-requests", duration(w.reset())));
    verdict
        .tokens()
        .ifPresent(
            w ->
                response
                    .putHeader("x-ratelimit-limit-tokens", Long.toString(w.limit()))
                    .putHeader("x-ratelimit-remaining-tokens", Long.toString(w.remaining()))
                    .putHeader("x-ratelimit-reset-tokens", duration(w.reset())));
  }

  static ApiException rateLimited(RateVerdict verdict, long tokens) {
    boolean requests = verdict.requests().map(w -> w.remaining() < 1).orElse(false);
    String message =
        requests
            ? "Rate limit reached for requests per minute (limit "
                + verdict.requests().get().limit()
                + "). Try again in "
                + duration(verdict.retryAfter())
                + "."
            : "Rate limit reached for tokens per minute (limit "
                + verdict.tokens().map(RateVerdict.Window::limit).orElse(0L)
                + ", this request needs about "
                + tokens
                + "). Try again in "
                + duration(verdict.retryAfter())
                + ".";
    long seconds = Math.max(1, (verdict.retryAfter().toMillis() + 999) / 1000);
    return ApiException.of(
            429, requests ? "requests" : "tokens", message, null, "rate_limit_exceeded")
        .withHeader("Retry-After", Long.toString(seconds));
  }

  static void quota(HttpServerResponse response, QuotaStatus status) {
    response
        .putHeader("X-Quota-Limit", TenantSettingsJson.usd(status.limitMicros()).toPlainString())
        .putHeader(
            "X-Quota-Remaining", TenantSettingsJson.usd(status.remainingMicros()).toPlainString())
        .putHeader("X-Quota-Reset", Long.toString(secondsUntil(status.reset())));
  }

  static ApiException overCap(QuotaExceededException e, SpendCap cap) {
    QuotaStatus s = e.status();
    return ApiException.of(
            402,
            "insufficient_quota",
            "This tenant's spend cap of $"
                + TenantSettingsJson.usd(s.limitMicros()).toPlainString()
                + " per "
                + cap.period().wireName()
                + " would be exceeded: $"
                + TenantSettingsJson.usd(s.remainingMicros()).toPlainString()
                + " remains and this request may cost up to $"
                + TenantSettingsJson.usd(e.requestedMicros()).toPlainString()
                + ". Lower max_tokens or wait for the period to reset.",
            null,
            "spend_cap_exceeded")
        .withHeader("X-Quota-Limit", TenantSettingsJson.usd(s.limitMicros()).toPlainString())
        .withHeader(
            "X-Quota-Remaining", TenantSettingsJson.usd(s.remainingMicros()).toPlainString())
        .withHeader("X-Quota-Reset", Long.toString(secondsUntil(s.reset())));
  }

  private static long secondsUntil(Instant reset) {
    return Math.max(0, Duration.between(Instant.now(), reset).toSeconds());
  }

  /** Go-style durations as OpenAI prints them: {@code 850ms}, {@code 12.5s}, {@code 1m0s}. */
  static String duration(Duration d) {
    long ms = Math.max(0, d.toMillis());
    if (ms < 1000) {
      return ms + "ms";
    }
    long minutes = ms / 60_000;
    long restMs = ms % 60_000;
    String seconds =
        restMs % 1000 == 0
            ? Long.toString(restMs / 1000)
            : java.math.BigDecimal.valueOf(restMs, 3).stripTrailingZeros().toPlainString();
    return minutes > 0 ? minutes + "m" + seconds + "s" : seconds + "s";
  }
}
