package io.sovereignrouter.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.sovereignrouter.gateway.config.ModelConfig;
import io.sovereignrouter.gateway.config.ModelKind;
import io.sovereignrouter.gateway.provider.ChunkSink;
import io.sovereignrouter.gateway.provider.ProviderAdapter;
import io.sovereignrouter.gateway.provider.ProviderFailure;
import io.sovereignrouter.gateway.provider.StreamSummary;
import io.sovereignrouter.gateway.provider.UpstreamCall;
import io.sovereignrouter.gateway.provider.UpstreamReply;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FallbackWalkTest {
  /** Answers each call with the failure (or success when null) configured for its id. */
  private record Scripted(String id) implements ProviderAdapter {
    @Override
    public Future<UpstreamReply> chat(UpstreamCall call) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<StreamSummary> streamChat(UpstreamCall c, ChunkSink s) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<UpstreamReply> embed(UpstreamCall call) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<Void> close() {
      return Future.succeededFuture();
    }
  }

  private static List<Route> routes(String... ids) {
    List<Route> out = new ArrayList<>();
    for (String id : ids) {
      out.add(new Route(new Scripted(id), new ModelConfig("m", "m-" + id, ModelKind.CHAT, null)));
    }
    return out;
  }

  private static Future<FallbackWalk.Served<String>> walk(
      List<Route> routes,
      Map<String, ProviderFailure> failures,
      boolean committed,
      List<Attempt> attempts) {
    return FallbackWalk.walk(
        routes,
        r -> {
          ProviderFailure f = failures.get(r.provider().id());
          return f == null
              ? Future.succeededFuture("served by " + r.provider().id())
              : Future.failedFuture(f);
        },
        () -> committed,
        attempts);
  }

  @Test
  void walk_retryableFailure_movesToNext() {
    List<Attempt> attempts = new ArrayList<>();
    var served =
        walk(
            routes("a", "b"),
            Map.of("a", ProviderFailure.status("a", 503, Buffer.buffer())),
            false,
            attempts);
    assertThat(served.result().result()).isEqualTo("served by b");
    assertThat(attempts)
        .extracting(Attempt::providerId, Attempt::outcome, Attempt::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a", Attempt.Outcome.FAILED, 503),
            org.assertj.core.groups.Tuple.tuple("b", Attempt.Outcome.OK, 200));
  }

  @Test
  void walk_clientError_stopsWithoutFallback() {
    List<Attempt> attempts = new ArrayList<>();
    var served =
        walk(
            routes("a", "b"),
            Map.of("a", ProviderFailure.status("a", 400, Buffer.buffer())),
            false,
            attempts);
    assertThat(served.failed()).isTrue();
    assertThat(((ProviderFailure) served.cause()).status()).isEqualTo(400);
    assertThat(attempts).extracting(Attempt::outcome).containsExactly(Attempt.Outcome.REJECTED);
  }

  @Test
  void walk_failureAfterCommit_noSwitch() {
    List<Attempt> attempts = new ArrayList<>();
    var served =
        walk(
            routes("a", "b"), Map.of("a", ProviderFailure.protocol("a", "broken")), true, attempts);
    assertThat(served.failed()).isTrue();
    assertThat(attempts)
        .extracting(Attempt::outcome)
        .containsExactly(Attempt.Outcome.FAILED_AFTER_COMMIT);
  }

  @Test
  void walk_allFail_lastFailureReturned_everyAttemptRecorded() {
    List<Attempt> attempts = new ArrayList<>();
    var served =
        walk(
            routes("a", "b", "c"),
            Map.of(
                "a", ProviderFailure.timeout("a", 10),
                "b", ProviderFailure.connect("b", new java.net.ConnectException("refused")),
                "c", ProviderFailure.status("c", 429, Buffer.buffer())),
            false,
            attempts);
    assertThat(((ProviderFailure) served.cause()).status()).isEqualTo(429);
    assertThat(attempts).extracting(Attempt::providerId).containsExactly("a", "b", "c");
    assertThat(attempts).extracting(Attempt::model).containsExactly("m-a", "m-b", "m-c");
  }
}
