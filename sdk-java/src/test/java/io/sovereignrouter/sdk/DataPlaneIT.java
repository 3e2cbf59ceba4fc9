package io.sovereignrouter.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Chat (blocking, async, streamed), embeddings and models against a real gateway. */
class DataPlaneIT {
  @RegisterExtension static final GatewayFixture gateway = new GatewayFixture();

  private static final ChatRequest HELLO =
      ChatRequest.of("mock-chat", ChatMessage.system("Be brief."), ChatMessage.user("Hello"));

  private AttestationVerifier verifier() {
    return AttestationVerifier.of(gateway.logPub());
  }

  @Test
  void chat_returnsCompletionWithVerifiableAttestation() {
    SovereignClient client = gateway.client();
    ChatCompletion resp =
        client.chat(
            HELLO, RequestOptions.defaults().withPolicy("dev-open").withRequestId("sdk-test-1"));

    assertThat(resp.text()).isNotEmpty();
    assertThat(resp.choices()).hasSize(1);
    assertThat(resp.json()).doesNotContain("_sf_attestation");
    Attestation a = resp.attestation();
    assertThat(a.providerId()).isEqualTo("mock");
    assertThat(a.model()).isEqualTo("mock-chat");
    assertThat(a.rekorIndex()).isNotNegative();
    assertThat(a.stream()).isFalse();
    assertThat(a.policyId()).contains("dev-open");
    assertThat(a.tierObserved()).contains("open");
    assertThat(a.attempts()).extracting(Attestation.Attempt::outcome).containsExactly("ok");
    assertThat(resp.meta().requestId()).contains("sdk-test-1");
    assertThat(resp.meta().routeDecisionId()).contains(a.routeDecisionId());
    assertThat(resp.meta().logIndex()).hasValue(a.rekorIndex());
    assertThat(resp.meta().providerId()).contains("mock");

    AttestationVerification v = verifier().verify(resp, client.log());
    assertThat(v.ok()).as("%s", v.checks()).isTrue();
    assertThat(v.checks())
        .extracting(AttestationVerification.Check::name)
        .containsExactly(
            "envelope signature",
            "signed fields",
            "exchange digests",
            "inclusion in checkpoint of size " + (a.rekorIndex() + 1),
            "current checkpoint",
            v.checks().get(5).name());
    assertThat(v.checks().get(5).name()).startsWith("consistency ");
  }

  @Test
  void chatAsync_completesWithCompletion() throws Exception {
    CompletableFuture<ChatCompletion> f = gateway.client().chatAsync(HELLO);
    ChatCompletion resp = f.get(20, TimeUnit.SECONDS);
    assertThat(resp.text()).isNotEmpty();
    assertThat(verifier().verify(resp).ok()).isTrue();
  }

  @Test
  void chatAsync_concurrentCallsAreEachAttested() {
    SovereignClient client = gateway.client();
    List<CompletableFuture<ChatCompletion>> calls = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      calls.add(
          client.chatAsync(
              ChatRequest.of("mock-chat", ChatMessage.user("call " + i)),
              RequestOptions.defaults().withRequestId("conc-" + i)));
    }
    java.util.Set<Long> indexes = new java.util.HashSet<>();
    for (int i = 0; i < calls.size(); i++) {
      ChatCompletion resp = calls.get(i).join();
      assertThat(resp.meta().requestId()).contains("conc-" + i);
      assertThat(verifier().verify(resp).ok()).isTrue();
      indexes.add(resp.attestation().rekorIndex());
    }
    assertThat(indexes).hasSize(calls.size());
  }

  @Test
  void chat_fallbackIsAttestedWithEveryAttempt() {
    ChatCompletion resp =
        gateway.client().chat(ChatRequest.of("mock-fallback", ChatMessage.user("Hi")));
    assertThat(resp.attestation().providerId()).isEqualTo("mock");
    assertThat(resp.attestation().attempts())
        .extracting(Attestation.Attempt::providerId, Attestation.Attempt::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("flaky", "failed"),
            org.assertj.core.groups.Tuple.tuple("mock", "ok"));
    assertThat(resp.attestation().attempts().get(0).status()).hasValue(503);
    assertThat(verifier().verify(resp).ok()).isTrue();
  }

  @Test
  void stream_iteratesChunksThenAttestation() {
    SovereignClient client = gateway.client();
    StringBuilder text = new StringBuilder();
    try (ChatStream stream =
        client.stream(
            HELLO.withParameter("stream_options", java.util.Map.of("include_usage", true)))) {
      for (ChatChunk chunk : stream) {
        text.append(chunk.text());
      }
      assertThat(stream.completed()).isTrue();
      Attestation a = stream.attestation();
      assertThat(a.stream()).isTrue();
      assertThat(a.providerId()).isEqualTo("mock");
      assertThat(a.usage()).isPresent();
      assertThat(stream.meta().routeDecisionId()).contains(a.routeDecisionId());
      AttestationVerification v = verifier().verify(stream, client.log());
      assertThat(v.ok()).as("%s", v.checks()).isTrue();
    }
    assertThat(text).isNotEmpty();
  }

  @Test
  void stream_readsAttestationSplicedIntoLastChunk() {
    // Without X-SF-Attestation-Event the gateway splices the attestation into the last chunk.
    try (ChatStream stream =
        gateway.client().stream(
            HELLO, RequestOptions.defaults().withHeader("X-SF-Attestation-Event", "0"))) {
      List<ChatChunk> chunks = new ArrayList<>();
      stream.forEach(chunks::add);
      assertThat(chunks).isNotEmpty().allSatisfy(c -> assertThat(c.json()).doesNotContain("_sf_"));
      AttestationVerification v = verifier().verify(stream);
      assertThat(v.ok()).as("%s", v.checks()).isTrue();
    }
  }

  @Test
  void stream_attestationBeforeEnd_throws() {
    try (ChatStream stream = gateway.client().stream(HELLO)) {
      org.assertj.core.api.Assertions.assertThatThrownBy(stream::attestation)
          .isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void streamPublisher_publishesChunksThenCompleted() throws Exception {
    Collector collector = new Collector(Long.MAX_VALUE);
    gateway.client().streamPublisher(HELLO).subscribe(collector);
    assertThat(collector.done.get(20, TimeUnit.SECONDS)).isNull();
    assertThat(collector.events).hasSizeGreaterThan(1);
    assertThat(collector.events.subList(0, collector.events.size() - 1))
        .allSatisfy(e -> assertThat(e).isInstanceOf(ChatStreamEvent.Chunk.class));
    ChatStreamEvent last = collector.events.get(collector.events.size() - 1);
    assertThat(last).isInstanceOf(ChatStreamEvent.Completed.class);
    ChatStreamEvent.Completed completed = (ChatStreamEvent.Completed) last;
    assertThat(verifier().verify(completed).ok()).isTrue();
  }

  @Test
  void streamPublisher_cancelStopsEvents() throws Exception {
    Collector collector = new Collector(1);
    gateway.client().streamPublisher(HELLO).subscribe(collector);
    Thread.sleep(300);
    collector.subscription.cancel();
    Thread.sleep(100);
    assertThat(collector.events).hasSize(1);
    assertThat(collector.done).isNotDone();
  }

  @Test
  void embeddings_floatAndBase64AreAttested() {
    SovereignClient client = gateway.client();
    EmbeddingsResponse floats =
        client.embeddings(EmbeddingsRequest.of("mock-embed", "alpha", "beta"));
    EmbeddingsResponse base64 =
        client.embeddings(
            EmbeddingsRequest.of("mock-embed", "alpha", "beta")
                .withParameter("encoding_format", "base64"));
    assertThat(floats.data()).hasSize(2);
    assertThat(floats.data().get(0).dimensions()).isEqualTo(64);
    assertThat(base64.data()).isEqualTo(floats.data());
    assertThat(verifier().verify(floats).ok()).isTrue();
    assertThat(verifier().verify(base64, client.log()).ok()).isTrue();
  }

  @Test
  void models_listsRoutableModels() {
    assertThat(gateway.client().models())
        .extracting(Model::id)
        .contains("mock-chat", "mock-embed", "mock-fallback");
  }

  @Test
  void attestation_lookupVerifiesAgainstCurrentLog() {
    SovereignClient client = gateway.client();
    ChatCompletion resp = client.chat(HELLO);
    client.chat(HELLO); // the log grows past the receipt
    Attestation looked = client.attestation(resp.attestation().routeDecisionId());
    assertThat(looked.rekorIndex()).isEqualTo(resp.attestation().rekorIndex());
    AttestationVerification v = verifier().verify(looked, resp.digests(), client.log());
    assertThat(v.ok()).as("%s", v.checks()).isTrue();
  }

  @Test
  void attestation_unknownId_throwsNotFound() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> gateway.client().attestation("rd_000000000000000000000000"))
        .isInstanceOfSatisfying(
            NotFoundException.class,
            e -> assertThat(e.error().code()).contains("attestation_not_found"));
  }

  /** Requests {@code initial} events, then one more per event received while below it. */
  private static final class Collector implements Flow.Subscriber<ChatStreamEvent> {
    final List<ChatStreamEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    final CompletableFuture<Throwable> done = new CompletableFuture<>();
    final long initial;
    volatile Flow.Subscription subscription;

    Collector(long initial) {
      this.initial = initial;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(initial);
    }

    @Override
    public void onNext(ChatStreamEvent item) {
      events.add(item);
    }

    @Override
    public void onError(Throwable t) {
      done.complete(t);
    }

    @Override
    public void onComplete() {
      done.complete(null);
    }
  }
}
