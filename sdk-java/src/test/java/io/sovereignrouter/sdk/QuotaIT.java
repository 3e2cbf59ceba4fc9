package io.sovereignrouter.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sovereignrouter.sdk.admin.RateLimits;
import io.sovereignrouter.sdk.admin.SovereignAdmin;
import io.sovereignrouter.sdk.admin.Spend;
import io.sovereignrouter.sdk.admin.SpendCap;
import io.sovereignrouter.sdk.admin.SpendPeriod;
import io.sovereignrouter.sdk.admin.Tenant;
import io.sovereignrouter.sdk.admin.TenantUpdate;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Spend caps (402) and rate limits (429) of tenants set up through the SDK's admin client, against
 * the real gateway: the typed exceptions carry the quota and rate-limit headers, a 402 is never
 * retried, and a 429 is retried only when its {@code Retry-After} is one the policy will wait for.
 */
class QuotaIT {
  @RegisterExtension static final GatewayFixture gateway = new GatewayFixture();

  private static final ChatRequest PRICED =
      ChatRequest.of("priced-chat", ChatMessage.user("How much does this cost?"));

  /** A client that retries eagerly, so a retry would show in the request count. */
  private static SovereignClient client(String apiKey, CountingHttpClient http) {
    return SovereignClient.builder()
        .baseUrl(gateway.origin())
        .apiKey(apiKey)
        .httpClient(http)
        .retryPolicy(
            new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(1)))
        .build();
  }

  /**
   * The gateway counts in windows aligned to the UTC minute: start a sequence that must stay in one
   * window well before its end.
   */
  private static void awayFromWindowEnd() throws InterruptedException {
    long left = 60_000 - System.currentTimeMillis() % 60_000;
    if (left < 5_000) {
      Thread.sleep(left + 200);
    }
  }

  private static String tenantKey(String name, TenantUpdate settings) {
    SovereignAdmin admin = gateway.admin();
    Tenant t = admin.createTenant(name, settings).value();
    return admin.createKey(t.id()).value().apiKey();
  }

  @Test
  void spendCap_tiny_402WithQuotaHeaders_neverRetried() {
    SovereignAdmin admin = gateway.admin();
    Tenant t =
        admin
            .createTenant(
                "capped", TenantUpdate.none().spendCap(SpendCap.perDay(new BigDecimal("0.05"))))
            .value();
    assertThat(t.settings().spendCap())
        .contains(new SpendCap(new BigDecimal("0.05"), SpendPeriod.DAY));
    String key = admin.createKey(t.id()).value().apiKey();
    CountingHttpClient http = new CountingHttpClient();
    SovereignClient client = client(key, http);

    // Each call holds its prompt estimate + 100 output tokens at $2/M: over $0.05 before any call.
    Estimate estimate = client.estimate(PRICED);
    assertThat(estimate.maxOutputTokens()).isEqualTo(100);
    assertThat(estimate.maxCostUsd()).isGreaterThan(new BigDecimal("0.05"));
    assertThat(estimate.candidates()).extracting(Estimate.Candidate::providerId).contains("mock");
    assertThat(estimate.quota().orElseThrow().limitUsd()).isEqualByComparingTo("0.05");
    assertThat(estimate.withinCap()).isFalse();

    http.reset();
    assertThatThrownBy(() -> client.chat(PRICED))
        .isInstanceOfSatisfying(
            QuotaExceededException.class,
            e -> {
              assertThat(e.status()).isEqualTo(402);
              assertThat(e.error().code()).contains("spend_cap_exceeded");
              Quota q = e.quota().orElseThrow();
              assertThat(q.limit())
                  .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.05"));
              assertThat(q.remaining())
                  .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.05"));
              assertThat(q.reset()).isPresent();
            });
    assertThat(http.sent()).as("a spent quota does not come back by retrying").isEqualTo(1);

    Spend spend = admin.spend(t.id());
    assertThat(spend.limitUsd())
        .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.05"));
    assertThat(spend.remainingUsd())
        .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.05"));
    assertThat(spend.resetsAt()).isPresent();

    // Raising the cap lets the same call through, and it is charged.
    admin.updateTenant(t.id(), TenantUpdate.none().spendCap(SpendCap.perDay(BigDecimal.ONE)));
    assertThat(client.chat(PRICED).meta().quota().orElseThrow().limit())
        .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("1"));
    assertThat(admin.spend(t.id()).remainingUsd().orElseThrow()).isLessThan(BigDecimal.ONE);
  }

  @Test
  void rateLimit_keyRpm_429WithHeaders_retryAfterBeyondPolicy_failsAtOnce() throws Exception {
    String key =
        tenantKey("limited-rpm", TenantUpdate.none().rateLimits(RateLimits.none().withKeyRpm(2)));
    CountingHttpClient http = new CountingHttpClient();
    SovereignClient client = client(key, http);
    awayFromWindowEnd();
    ChatCompletion first = client.chat(ChatRequest.of("mock-chat", ChatMessage.user("1")));
    RateLimit limits = first.meta().rateLimit().orElseThrow();
    assertThat(limits.limitRequests()).hasValue(2);
    assertThat(limits.remainingRequests()).hasValue(1);
    assertThat(limits.resetRequests()).isPresent();
    client.chat(ChatRequest.of("mock-chat", ChatMessage.user("2")));

    http.reset();
    assertThatThrownBy(() -> client.chat(ChatRequest.of("mock-chat", ChatMessage.user("3"))))
        .isInstanceOfSatisfying(
            RateLimitException.class,
            e -> {
              assertThat(e.status()).isEqualTo(429);
              assertThat(e.error().code()).contains("rate_limit_exceeded");
              assertThat(e.retryAfter())
                  .hasValueSatisfying(
                      d -> assertThat(d).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(60)));
              assertThat(e.rateLimit().orElseThrow().remainingRequests()).hasValue(0);
            });
    // Retry-After (up to a minute) is longer than this policy waits (1 s): thrown at once.
    assertThat(http.sent()).isEqualTo(1);
  }

  @Test
  void rateLimit_retryAfterWithinPolicy_waitsThenRetries() throws Exception {
    String key =
        tenantKey("limited-wait", TenantUpdate.none().rateLimits(RateLimits.none().withKeyRpm(1)));
    CountingHttpClient http = new CountingHttpClient();
    // Waits for any Retry-After up to 61 s, but gives up after one retry: the second attempt is
    // made only after the window the gateway named has passed, so it succeeds.
    SovereignClient client =
        SovereignClient.builder()
            .baseUrl(gateway.origin())
            .apiKey(key)
            .httpClient(http)
            .timeout(Duration.ofSeconds(90))
            .retryPolicy(
                new RetryPolicy(
                    1, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(61)))
            .build();
    awayFromWindowEnd();
    client.chat(ChatRequest.of("mock-chat", ChatMessage.user("1")));
    http.reset();
    long start = System.nanoTime();
    ChatCompletion second = client.chat(ChatRequest.of("mock-chat", ChatMessage.user("2")));
    Duration waited = Duration.ofNanos(System.nanoTime() - start);
    assertThat(second.meta().status()).isEqualTo(200);
    assertThat(http.sent()).isEqualTo(2);
    // The wait is the Retry-After the gateway named (the rest of its minute window), not backoff.
    assertThat(waited).isGreaterThan(Duration.ofMillis(500));
  }

  @Test
  void tenantSettings_roundTrip_andUsage() {
    SovereignAdmin admin = gateway.admin();
    Tenant t =
        admin
            .createTenant(
                "settings",
                TenantUpdate.none()
                    .rateLimits(RateLimits.none().withRpm(100).withKeyTpm(5000))
                    .maxActiveKeys(3)
                    .leakScanAction(io.sovereignrouter.sdk.admin.LeakScanAction.BLOCK))
            .value();
    assertThat(t.settings().rateLimits()).contains(RateLimits.none().withRpm(100).withKeyTpm(5000));
    assertThat(t.settings().maxActiveKeys()).isEqualTo(3);
    assertThat(t.settings().leakScanAction())
        .isEqualTo(io.sovereignrouter.sdk.admin.LeakScanAction.BLOCK);
    Tenant cleared = admin.updateTenant(t.id(), TenantUpdate.none().clearRateLimits()).value();
    assertThat(cleared.settings().rateLimits()).isEmpty();
    assertThat(cleared.settings().maxActiveKeys()).as("untouched by the patch").isEqualTo(3);
    assertThat(admin.tenant(t.id())).isEqualTo(cleared);
  }
}
