package io.sovereignrouter.gateway.provider;

import io.sovereignrouter.gateway.config.MockConfig;
import io.sovereignrouter.gateway.config.MockFailureMode;
import io.sovereignrouter.gateway.config.TimeoutConfig;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * In-process provider with deterministic replies, configurable latency and failure injection. It
 * shares the contract of the HTTP adapters (timeouts, cancellation, chunk backpressure), so a test
 * or benchmark through it exercises the same gateway paths.
 */
public final class MockProvider implements ProviderAdapter {
  private final String id;
  private final Vertx vertx;
  private final MockConfig config;
  private final TimeoutConfig timeouts;
  private final AtomicLong calls = new AtomicLong();

  /**
   * @param id provider id
   * @param vertx for timers
   * @param config latency and failure settings
   * @param timeouts the first-byte deadline a {@code timeout} failure runs into
   */
  public MockProvider(String id, Vertx vertx, MockConfig config, TimeoutConfig timeouts) {
    this.id = id;
    this.vertx = vertx;
    this.config = config;
    this.timeouts = timeouts;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public Future<UpstreamReply> chat(UpstreamCall call) {
    return beforeFirstByte(call)
        .compose(
            breakMidway -> {
              if (breakMidway) {
                return Future.failedFuture(
                    ProviderFailure.protocol(id, "connection closed mid-response"));
              }
              MockReplies.Reply reply =
                  MockReplies.chat(
                      call.body(), call.clientModel(), call.requestId(), config.replyTokens());
              return Future.succeededFuture(UpstreamReply.of(MockReplies.completion(reply)));
            });
  }

  @Override
  public Future<StreamSummary> streamChat(UpstreamCall call, ChunkSink sink) {
    return beforeFirstByte(call)
        .compose(
            breakMidway -> {
              MockReplies.Reply reply =
                  MockReplies.chat(
                      call.body(), call.clientModel(), call.requestId(), config.replyTokens());
              JsonObject options = call.body().getJsonObject("stream_options");
              boolean includeUsage =
                  options != null && Boolean.TRUE.equals(options.getValue("include_usage"));
              return new StreamRun(call, sink, reply, includeUsage, breakMidway).start();
            });
  }

  @Override
  public Future<UpstreamReply> embed(UpstreamCall call) {
    return beforeFirstByte(call)
        .map(
            breakMidway ->
                UpstreamReply.of(
                    MockReplies.embeddings(
                        call.body(), call.clientModel(), config.embeddingDimensions())));
  }

  @Override
  public Future<Void> close() {
    return Future.succeededFuture();
  }

  /**
   * Waits the first-token latency and applies status/timeout failure injection.
   *
   * @return whether this call must break mid-response (mid-stream failure injection)
   */
  private Future<Boolean> beforeFirstByte(UpstreamCall call) {
    boolean fail = draw();
    if (fail && config.failureMode() == MockFailureMode.TIMEOUT) {
      return delay(call, timeouts.firstByteMs())
          .compose(v -> Future.failedFuture(ProviderFailure.timeout(id, timeouts.firstByteMs())));
    }
    return delay(call, config.firstTokenMs())
        .compose(
            v -> {
              if (fail && config.failureMode() == MockFailureMode.STATUS) {
                return Future.failedFuture(
                    ProviderFailure.status(id, config.failureStatus(), injectedErrorBody()));
              }
              return Future.succeededFuture(
                  fail && config.failureMode() == MockFailureMode.MID_STREAM);
            });
  }

  /** Deterministic per call number: the n-th call fails or not regardless of thread timing. */
  private boolean draw() {
    if (config.failureRate() <= 0) {
      return false;
    }
    long n = calls.getAndIncrement();
    return new SplittableRandom(config.failureSeed() * 0x9E3779B97F4A7C15L + n).nextDouble()
        < config.failureRate();
  }

  private io.vertx.core.buffer.Buffer injectedErrorBody() {
    return new JsonObject()
        .put(
            "error",
            new JsonObject()
                .put("message", "mock provider " + id + ": injected failure")
                .put("type", "server_error")
                .putNull("param")
                .put("code", "injected_failure"))
        .toBuffer();
  }

  private Future<Void> delay(UpstreamCall call, long ms) {
    if (call.clientGone().isComplete()) {
      return Future.failedFuture(ProviderFailure.cancelled(id));
    }
    if (ms <= 0) {
      return Future.succeededFuture();
    }
    Promise<Void> promise = Promise.promise();
    long timer = vertx.setTimer(ms, t -> promise.tryComplete());
    call.clientGone()
        .onComplete(
            v -> {
              vertx.cancelTimer(timer);
              promise.tryFail(ProviderFailure.cancelled(id));
            });
    return promise.future();
  }

  /**
   * One streaming reply: per choice a role chunk, a chunk per token and a finish chunk, then the
   * usage chunk. Chunks are made one at a time and pumped in a loop, so a long reply neither builds
   * a long future chain nor deepens the stack.
   */
  private final class StreamRun {
    private final UpstreamCall call;
    private final ChunkSink sink;
    private final MockReplies.Reply reply;
    private final boolean includeUsage;
    private final boolean breakMidway;
    private final Promise<StreamSummary> done = Promise.promise();
    private int choice;

    /** Position inside the current choice: 0 role, 1..n tokens, n+1 finish. */
    private int step;

    private int sent;

    StreamRun(
        UpstreamCall call,
        ChunkSink sink,
        MockReplies.Reply reply,
        boolean includeUsage,
        boolean breakMidway) {
      this.call = call;
      this.sink = sink;
      this.reply = reply;
      this.includeUsage = includeUsage;
      this.breakMidway = breakMidway;
    }

    Future<StreamSummary> start() {
      pump();
      return done.future();
    }

    private void pump() {
      while (!done.future().isComplete()) {
        if (choice == reply.choices().size()) {
          if (includeUsage && step == 0) {
            step = 1;
            if (!await(emit(MockReplies.usageChunk(reply), 0))) {
              return;
            }
          }
          done.tryComplete(new StreamSummary(sent));
          return;
        }
        List<String> tokens = reply.choices().get(choice);
        if (breakMidway && choice == 0 && step == tokens.size() / 2 + 1) {
          done.tryFail(ProviderFailure.protocol(id, "stream broken after " + sent + " chunks"));
          return;
        }
        Future<Void> written;
        if (step == 0) {
          JsonObject role =
              new JsonObject().put("role", "assistant").put("content", "").putNull("refusal");
          written = emit(MockReplies.chunk(reply, choice, role, null, includeUsage), 0);
        } else if (step <= tokens.size()) {
          JsonObject delta = new JsonObject().put("content", tokens.get(step - 1));
          written =
              emit(
                  MockReplies.chunk(reply, choice, delta, null, includeUsage),
                  config.tokenIntervalMs());
        } else {
          String finish = reply.finishReasons().get(choice);
          written =
              emit(MockReplies.chunk(reply, choice, new JsonObject(), finish, includeUsage), 0);
        }
        if (++step > tokens.size() + 1) {
          choice++;
          step = 0;
        }
        if (!await(written)) {
          return;
        }
      }
    }

    /** True when {@code f} already succeeded (keep looping); otherwise resumes or fails later. */
    private boolean await(Future<Void> f) {
      if (f.succeeded()) {
        return true;
      }
      f.onComplete(
          ar -> {
            if (ar.succeeded()) {
              pump();
            } else {
              done.tryFail(ar.cause());
            }
          });
      return false;
    }

    private Future<Void> emit(JsonObject chunk, long delayMs) {
      return delay(call, delayMs)
          .compose(
              v -> {
                sent++;
                return sink.send(chunk.encode());
              });
    }
  }
}
