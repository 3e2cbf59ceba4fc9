package io.sovereignrouter.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.sovereignrouter.sdk.ApiException;
import io.sovereignrouter.sdk.QuotaExceededException;
import io.sovereignrouter.sdk.RateLimitException;
import io.sovereignrouter.sdk.RetryPolicy;
import io.sovereignrouter.sdk.ServerException;
import io.sovereignrouter.sdk.SovereignConnectionException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Error answers the gateway does not produce yet (402 spend cap, 429 tenant rate limit; DESIGN §4)
 * are mapped from their documented shape, and the retry policy treats them as DESIGN says.
 */
class ErrorsTest {
  private static final String QUOTA_BODY =
      "{\"error\":{\"message\":\"Spend cap reached.\",\"type\":\"insufficient_quota\","
          + "\"param\":null,\"code\":\"spend_cap_exceeded\"}}";
  private static final String RATE_BODY =
      "{\"error\":{\"message\":\"Slow down.\",\"type\":\"rate_limit_error\","
          + "\"param\":null,\"code\":\"rate_limited\"}}";

  private static final Transport TRANSPORT =
      new Transport(
          HttpClient.newHttpClient(),
          URI.create("http://127.0.0.1:1"),
          "sk-router-x_y",
          Duration.ofSeconds(1),
          new RetryPolicy(
              3, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(10)));

  @Test
  void of_402_isQuotaExceededWithQuota() {
    ApiException e =
        Errors.of(
            Headers.meta(
                402,
                HeadersTest.headers(
                    "X-Quota-Limit",
                    "25",
                    "X-Quota-Remaining",
                    "0",
                    "X-Quota-Reset",
                    "1767225600")),
            QUOTA_BODY);
    assertThat(e).isInstanceOf(QuotaExceededException.class);
    QuotaExceededException q = (QuotaExceededException) e;
    assertThat(q.error().code()).contains("spend_cap_exceeded");
    assertThat(q.quota().orElseThrow().remaining()).contains(BigDecimal.ZERO);
    assertThat(q.quota().orElseThrow().reset()).contains("1767225600");
    assertThat(TRANSPORT.delayBefore(1, e)).as("a spent quota is not retried").isEmpty();
  }

  @Test
  void of_429_isRateLimitWithRetryAfter() {
    ApiException e =
        Errors.of(
            Headers.meta(
                429,
                HeadersTest.headers(
                    "Retry-After", "3",
                    "x-ratelimit-limit-tokens", "1000",
                    "x-ratelimit-remaining-tokens", "0")),
            RATE_BODY);
    assertThat(e).isInstanceOf(RateLimitException.class);
    RateLimitException r = (RateLimitException) e;
    assertThat(r.retryAfter()).contains(Duration.ofSeconds(3));
    assertThat(r.rateLimit().orElseThrow().remainingTokens()).hasValue(0);
    assertThat(TRANSPORT.delayBefore(1, e)).contains(Duration.ofSeconds(3));
    assertThat(TRANSPORT.delayBefore(4, e)).as("retries exhausted").isEmpty();
  }

  @Test
  void delayBefore_retryAfterBeyondCap_givesUp() {
    ApiException e =
        Errors.of(Headers.meta(429, HeadersTest.headers("Retry-After", "11")), RATE_BODY);
    assertThat(TRANSPORT.delayBefore(1, e)).isEmpty();
  }

  @Test
  void delayBefore_withoutRetryAfter_backsOffExponentiallyWithJitter() {
    ApiException e = Errors.of(Headers.meta(502, HeadersTest.headers()), "{}");
    assertThat(e).isInstanceOf(ServerException.class);
    assertThat(TRANSPORT.delayBefore(1, e).orElseThrow())
        .isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
    assertThat(TRANSPORT.delayBefore(3, e).orElseThrow())
        .isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
    SovereignConnectionException io =
        new SovereignConnectionException("x", new java.io.IOException());
    assertThat(TRANSPORT.delayBefore(1, io)).isPresent();
  }

  @Test
  void delayBefore_clientErrors_areNotRetried() {
    for (int status : new int[] {400, 401, 403, 404, 409, 422}) {
      ApiException e = Errors.of(Headers.meta(status, HeadersTest.headers()), "{}");
      assertThat(TRANSPORT.delayBefore(1, e)).as("status %d", status).isEmpty();
    }
  }

  @Test
  void parse_problemDetails() {
    assertThat(
            Errors.parse(
                "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,\"detail\":\"taken\"}"))
        .hasValueSatisfying(
            e -> {
              assertThat(e.type()).isEqualTo("Conflict");
              assertThat(e.message()).isEqualTo("taken");
            });
  }

  @Test
  void of_nonJsonBody_keepsStatus() {
    ApiException e = Errors.of(Headers.meta(418, HeadersTest.headers()), "<html>teapot</html>");
    assertThat(e.getClass()).isEqualTo(ApiException.class);
    assertThat(e.status()).isEqualTo(418);
    assertThat(e.error().message()).isEqualTo("HTTP 418");
  }
}
