package io.sovereignrouter.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.sovereignrouter.sdk.admin.RateLimits;
import io.sovereignrouter.sdk.admin.SovereignAdmin;
import io.sovereignrouter.sdk.admin.Spend;
import io.sovereignrouter.sdk.admin.SpendCap;
import io.sovereignrouter.sdk.admin.Tenant;
import io.sovereignrouter.sdk.admin.TenantUpdate;
import io.sovereignrouter.sdk.admin.UsageGroup;
import io.sovereignrouter.sdk.admin.UsageQuery;
import io.sovereignrouter.sdk.admin.UsageReport;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The README example runs against a real gateway, and both READMEs show exactly the lines between
 * the markers below.
 */
class ReadmeExampleIT {
  @RegisterExtension static final GatewayFixture gateway = new GatewayFixture();

  @Test
  void readmeExample_runsAndVerifies() throws IOException {
    String baseUrl = gateway.origin();
    String apiKey = gateway.demoKey();
    Path logPub = Files.createTempFile("log", ".pub");
    Files.writeString(logPub, gateway.logPub());
    // README:begin
    SovereignClient client = SovereignClient.builder().baseUrl(baseUrl).apiKey(apiKey).build();
    ChatCompletion resp =
        client.chat(
            ChatRequest.of("mock-chat", ChatMessage.user("Hello")),
            RequestOptions.defaults().withPolicy("dev-open"));
    long logIndex = resp.attestation().rekorIndex();
    String provider = resp.attestation().providerId();
    Optional<String> tier = resp.attestation().tierObserved(); // from verified witnesses
    AttestationVerifier verifier = AttestationVerifier.of(Files.readString(logPub));
    boolean attested = verifier.verify(resp, client.log()).ok();
    // README:end
    Files.delete(logPub);
    assertThat(provider).isEqualTo("mock");
    assertThat(logIndex).isEqualTo(resp.meta().logIndex().orElseThrow());
    assertThat(tier).contains("open");
    assertThat(attested).isTrue();
    assertThat(resp.text()).isNotEmpty();
  }

  @Test
  void readmeUsage_runs() throws Exception {
    SovereignClient client = gateway.client();
    ChatRequest request = ChatRequest.of("mock-chat", ChatMessage.user("Hello"));
    AttestationVerifier verifier = AttestationVerifier.of(gateway.logPub());
    ChatCompletion resp = client.chat(request);
    String token = gateway.adminToken();
    String adminUrl = gateway.adminOrigin();
    java.util.List<ChatStreamEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.concurrent.CompletableFuture<Void> done =
        new java.util.concurrent.CompletableFuture<>();
    java.util.concurrent.Flow.Subscriber<ChatStreamEvent> subscriber =
        new java.util.concurrent.Flow.Subscriber<>() {
          @Override
          public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
            s.request(Long.MAX_VALUE);
          }

          @Override
          public void onNext(ChatStreamEvent e) {
            events.add(e);
          }

          @Override
          public void onError(Throwable t) {
            done.completeExceptionally(t);
          }

          @Override
          public void onComplete() {
            done.complete(null);
          }
        };
    StringBuilder printed = new StringBuilder();
    // USAGE:begin
    // Per-request policy and request id, without blocking
    RequestOptions opts = RequestOptions.defaults().withPolicy("dev-open").withRequestId("job-42");
    CompletableFuture<ChatCompletion> later = client.chatAsync(request, opts);

    // Streaming on the calling thread; the attestation arrives with [DONE]
    try (ChatStream stream = client.stream(request)) {
      for (ChatChunk chunk : stream) printed.append(chunk.text());
      boolean ok = verifier.verify(stream).ok();
    }

    // Streaming as a Flow.Publisher: Chunk events, then Completed(attestation, digests, meta)
    client.streamPublisher(request).subscribe(subscriber);

    // The attestation of an earlier call, proven against the log's current checkpoint
    Attestation earlier = client.attestation(resp.attestation().routeDecisionId());

    // What a call would hold against the spend cap, and whether the cap has room (spends nothing)
    Estimate estimate = client.estimate(request);
    boolean fits = estimate.withinCap();

    // 402 (spend cap) is never retried; 429 is retried after Retry-After if within maxRetryAfter
    try {
      client.chat(request);
    } catch (QuotaExceededException e) {
      Optional<Quota> quota = e.quota(); // X-Quota-Limit, -Remaining, -Reset
    } catch (RateLimitException e) {
      Optional<Duration> wait = e.retryAfter(); // and e.rateLimit(): the x-ratelimit-* headers
    }

    // Management (admin listener, admin token)
    SovereignAdmin admin = SovereignAdmin.builder().baseUrl(adminUrl).adminToken(token).build();
    Tenant acme =
        admin
            .createTenant(
                "acme",
                TenantUpdate.none()
                    .spendCap(SpendCap.perMonth(new BigDecimal("250")))
                    .rateLimits(RateLimits.none().withRpm(600).withKeyTpm(100_000)))
            .value();
    String key = admin.createKey(acme.id()).value().apiKey();
    admin.updateTenant(acme.id(), TenantUpdate.none().clearRateLimits()); // PATCH: what is named
    Spend spend = admin.spend(acme.id());
    UsageReport usage =
        admin.usage(UsageQuery.thisMonth().tenant(acme.id()).groupBy(UsageGroup.DAY));
    admin.suspendTenant(acme.id(), "invoice overdue"); // every key of acme: 403
    // USAGE:end
    assertThat(fits).isTrue();
    assertThat(spend.limitUsd()).isPresent();
    assertThat(usage.rows()).isEmpty();
    assertThat(later.get(20, java.util.concurrent.TimeUnit.SECONDS).meta().requestId())
        .contains("job-42");
    assertThat(printed).isNotEmpty();
    done.get(20, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(events.get(events.size() - 1)).isInstanceOf(ChatStreamEvent.Completed.class);
    assertThat(verifier.verify(earlier).ok()).isTrue();
    assertThat(key).startsWith("sk-router-");
  }

  @Test
  void readmes_showTheCompiledExample() throws IOException {
    String example = snippet("README");
    assertThat(example.lines().count()).isLessThanOrEqualTo(10);
    assertThat(Files.readString(Path.of("README.md"))).contains(example).contains(snippet("USAGE"));
    assertThat(Files.readString(Path.of("..", "README.md"))).contains(example);
  }

  /** The lines between {@code // NAME:begin} and {@code // NAME:end}, dedented. */
  static String snippet(String name) throws IOException {
    List<String> lines =
        Files.readAllLines(Path.of("src/test/java/io/sovereignrouter/sdk/ReadmeExampleIT.java"));
    int begin = lines.indexOf("    // " + name + ":begin");
    int end = lines.indexOf("    // " + name + ":end");
    return lines.subList(begin + 1, end).stream()
        .map(l -> l.substring(Math.min(4, l.length())))
        .collect(Collectors.joining("\n", "", "\n"));
  }
}
