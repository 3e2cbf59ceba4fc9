package io.sovereignrouter.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Typed errors and the retry policy against a real gateway whose mock providers fail on cue. */
class ErrorsIT {
  @RegisterExtension static final GatewayFixture gateway = new GatewayFixture();

  private static ChatRequest hello(String model) {
    return ChatRequest.of(model, ChatMessage.user("Hello"));
  }

  @Test
  void chat_unknownKey_throwsAuthentication() {
    SovereignClient client =
        SovereignClient.builder()
            .baseUrl(gateway.origin() + "/v1")
            .apiKey("sk-router-nosuchkey_secret")
            .build();
    assertThatThrownBy(() -> client.chat(hello("mock-chat")))
        .isInstanceOfSatisfying(
            AuthenticationException.class,
            e -> {
              assertThat(e.status()).isEqualTo(401);
              assertThat(e.getMessage()).doesNotContain("secret");
              assertThat(e.meta().requestId()).isPresent();
            });
  }

  @Test
  void chat_unknownModel_throwsNotFound() {
    assertThatThrownBy(() -> gateway.client().chat(hello("no-such-model")))
        .isInstanceOfSatisfying(
            NotFoundException.class, e -> assertThat(e.status()).isEqualTo(404));
  }

  @Test
  void chat_invalidParameter_throwsBadRequestNamingIt() {
    assertThatThrownBy(
            () -> gateway.client().chat(hello("mock-chat").withParameter("max_tokens", -1)))
        .isInstanceOfSatisfying(
            BadRequestException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.error().param()).contains("max_tokens");
              assertThat(e.error().type()).isEqualTo("invalid_request_error");
            });
  }

  @Test
  void chatAsync_failureCarriesTypedException() {
    assertThatThrownBy(() -> gateway.client().chatAsync(hello("no-such-model")).join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(NotFoundException.class);
  }

  @Test
  void chat_everyProviderFails_throwsServerAfterRetries() {
    RetryPolicy fast =
        new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(5));
    assertThatThrownBy(() -> gateway.client(fast).chat(hello("mock-broken")))
        .isInstanceOfSatisfying(
            ServerException.class,
            e -> {
              assertThat(e.status()).isEqualTo(502);
              assertThat(e.error().code()).contains("upstream_error");
            });
  }

  @Test
  void chat_retryAfter_isHonouredBeforeRetrying() {
    // 'limited' answers 429 upstream: the gateway says 503 upstream_rate_limited, Retry-After: 1.
    RetryPolicy once =
        new RetryPolicy(1, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(5));
    long start = System.nanoTime();
    assertThatThrownBy(() -> gateway.client(once).chat(hello("mock-limited")))
        .isInstanceOfSatisfying(
            ServerException.class,
            e -> {
              assertThat(e.status()).isEqualTo(503);
              assertThat(e.error().code()).contains("upstream_rate_limited");
              assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
            });
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void chat_retryAfterLongerThanAllowed_failsAtOnce() {
    RetryPolicy impatient =
        new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ZERO);
    long start = System.nanoTime();
    assertThatThrownBy(() -> gateway.client(impatient).chat(hello("mock-limited")))
        .isInstanceOf(ServerException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
  }

  @Test
  void chat_intermittentFailures_areRetriedToSuccess() {
    RetryPolicy none = RetryPolicy.none();
    RetryPolicy patient =
        new RetryPolicy(8, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(5));
    int failedWithoutRetry = 0;
    for (int i = 0; i < 8; i++) {
      try {
        gateway.client(none).chat(hello("mock-coin"));
      } catch (ServerException e) {
        failedWithoutRetry++;
      }
    }
    assertThat(failedWithoutRetry).as("the seeded coin fails some calls").isPositive();
    for (int i = 0; i < 8; i++) {
      assertThat(gateway.client(patient).chat(hello("mock-coin")).attestation().providerId())
          .isEqualTo("coin");
    }
  }

  @Test
  void stream_errorBeforeFirstByte_throwsTyped() {
    assertThatThrownBy(() -> gateway.client(RetryPolicy.none()).stream(hello("mock-broken")))
        .isInstanceOf(ServerException.class);
  }

  @Test
  void stream_failuresBeforeFirstByte_areRetried() {
    RetryPolicy patient =
        new RetryPolicy(8, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(5));
    for (int i = 0; i < 6; i++) {
      try (ChatStream stream = gateway.client(patient).stream(hello("mock-coin"))) {
        stream.forEach(c -> {});
        assertThat(stream.attestation().providerId()).isEqualTo("coin");
      }
    }
  }

  @Test
  void stream_brokenMidway_throwsStreamInterrupted() {
    try (ChatStream stream = gateway.client().stream(hello("mock-midstream"))) {
      assertThatThrownBy(() -> stream.forEach(c -> {}))
          .isInstanceOf(StreamInterruptedException.class);
      assertThat(stream.completed()).isFalse();
    }
  }

  @Test
  void streamPublisher_brokenMidway_signalsOnError() throws Exception {
    java.util.concurrent.CompletableFuture<Throwable> error =
        new java.util.concurrent.CompletableFuture<>();
    gateway
        .client()
        .streamPublisher(hello("mock-midstream"))
        .subscribe(
            new java.util.concurrent.Flow.Subscriber<>() {
              @Override
              public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
                s.request(Long.MAX_VALUE);
              }

              @Override
              public void onNext(ChatStreamEvent item) {}

              @Override
              public void onError(Throwable t) {
                error.complete(t);
              }

              @Override
              public void onComplete() {
                error.complete(null);
              }
            });
    assertThat(error.get(20, java.util.concurrent.TimeUnit.SECONDS))
        .isInstanceOf(StreamInterruptedException.class);
  }

  @Test
  void chat_slowerThanTimeout_throwsConnection() {
    SovereignClient client = gateway.client(RetryPolicy.none());
    assertThatThrownBy(
            () ->
                client.chat(
                    hello("mock-slow"),
                    RequestOptions.defaults().withTimeout(Duration.ofMillis(300))))
        .isInstanceOf(SovereignConnectionException.class)
        .hasRootCauseInstanceOf(java.net.http.HttpTimeoutException.class);
  }

  @Test
  void chat_unreachableGateway_throwsConnection() {
    SovereignClient client =
        SovereignClient.builder()
            .baseUrl("http://127.0.0.1:1")
            .apiKey(gateway.demoKey())
            .retryPolicy(RetryPolicy.none())
            .build();
    assertThatThrownBy(() -> client.models())
        .isInstanceOf(SovereignConnectionException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(gateway.demoKey()));
  }
}
