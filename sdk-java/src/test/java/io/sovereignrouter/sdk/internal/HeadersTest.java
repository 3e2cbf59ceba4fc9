package io.sovereignrouter.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.sovereignrouter.sdk.ResponseMeta;
import java.math.BigDecimal;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeadersTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

  static HttpHeaders headers(String... nameValue) {
    Map<String, List<String>> map = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 0; i < nameValue.length; i += 2) {
      map.put(nameValue[i], List.of(nameValue[i + 1]));
    }
    return HttpHeaders.of(map, (a, b) -> true);
  }

  @Test
  void meta_readsRoutingQuotaAndRateLimitHeaders() {
    ResponseMeta m =
        Headers.meta(
            200,
            headers(
                "X-Request-Id", "req_1",
                "X-SF-Route-Decision", "rd_1",
                "X-SF-Provider", "mock",
                "X-SF-Model", "m",
                "X-SF-Tier", "sealed",
                "X-SF-Log-Index", "42",
                "X-SF-Attempts", "\"mock\";status=200",
                "X-Quota-Limit", "100.50",
                "X-Quota-Remaining", "0",
                "X-Quota-Reset", "2026-12-01T00:00:00Z",
                "x-ratelimit-limit-requests", "60",
                "x-ratelimit-remaining-requests", "59",
                "x-ratelimit-reset-requests", "1s"),
            CLOCK);
    assertThat(m.requestId()).contains("req_1");
    assertThat(m.routeDecisionId()).contains("rd_1");
    assertThat(m.providerId()).contains("mock");
    assertThat(m.tier()).contains("sealed");
    assertThat(m.logIndex()).hasValue(42);
    assertThat(m.quota().orElseThrow().limit()).contains(new BigDecimal("100.50"));
    assertThat(m.quota().orElseThrow().remaining()).contains(BigDecimal.ZERO);
    assertThat(m.quota().orElseThrow().reset()).contains("2026-12-01T00:00:00Z");
    assertThat(m.rateLimit().orElseThrow().limitRequests()).hasValue(60);
    assertThat(m.rateLimit().orElseThrow().remainingRequests()).hasValue(59);
    assertThat(m.rateLimit().orElseThrow().resetRequests()).contains("1s");
    assertThat(m.rateLimit().orElseThrow().limitTokens()).isEmpty();
  }

  @Test
  void meta_withoutHeaders_isEmpty() {
    ResponseMeta m = Headers.meta(200, headers(), CLOCK);
    assertThat(m.quota()).isEmpty();
    assertThat(m.rateLimit()).isEmpty();
    assertThat(m.retryAfter()).isEmpty();
    assertThat(m.logIndex()).isEmpty();
  }

  @Test
  void retryAfter_seconds() {
    assertThat(Headers.retryAfter(headers("Retry-After", "7"), CLOCK))
        .contains(Duration.ofSeconds(7));
  }

  @Test
  void retryAfter_httpDate() {
    assertThat(Headers.retryAfter(headers("Retry-After", "Mon, 23 Nov 2026 12:00:30 GMT"), CLOCK))
        .contains(Duration.ofSeconds(30));
    assertThat(Headers.retryAfter(headers("Retry-After", "Mon, 23 Nov 2026 11:00:00 GMT"), CLOCK))
        .contains(Duration.ZERO);
  }

  @Test
  void retryAfter_millisecondsWin() {
    assertThat(Headers.retryAfter(headers("Retry-After", "7", "retry-after-ms", "250"), CLOCK))
        .contains(Duration.ofMillis(250));
  }

  @Test
  void retryAfter_garbage_isIgnored() {
    assertThat(Headers.retryAfter(headers("Retry-After", "soon"), CLOCK)).isEmpty();
    assertThat(Headers.retryAfter(headers("Retry-After", "-3"), CLOCK)).isEmpty();
  }
}
