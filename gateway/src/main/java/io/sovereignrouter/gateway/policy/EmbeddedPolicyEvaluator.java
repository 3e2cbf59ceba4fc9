package io.sovereignrouter.gateway.policy;

import io.sovereignrouter.policy.Decision;
import io.sovereignrouter.policy.PolicyBundle;
import io.sovereignrouter.policy.PolicyEngines;
import io.sovereignrouter.policy.PolicyException;
import io.sovereignrouter.policy.PolicyFormatException;
import io.sovereignrouter.policy.PolicyInput;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.Objects;
import java.util.Optional;

/**
 * The embedded wasm engine ({@link PolicyEngines#embedded}) behind a named worker pool: its pool of
 * wasm instances blocks callers when all are busy, so evaluations never run on an event loop, and a
 * pool of their own keeps slow disk or KMS work from delaying decisions (and back).
 */
public final class EmbeddedPolicyEvaluator implements PolicyEvaluator {
  /** Name of the shared worker pool decisions run on. */
  public static final String WORKER_POOL = "policy";

  private final io.sovereignrouter.policy.PolicyEngine engine;
  private final WorkerExecutor workers;
  private final String digest;

  private EmbeddedPolicyEvaluator(
      io.sovereignrouter.policy.PolicyEngine engine, WorkerExecutor workers, String digest) {
    this.engine = engine;
    this.workers = workers;
    this.digest = digest;
  }

  /**
   * Creates the evaluator on a bundle.
   *
   * @param vertx the Vert.x instance
   * @param bundle the compiled policy bundle, usually {@link PolicyBundle#builtin()}
   * @param poolSize wasm instances and worker threads: how many decisions run at once
   * @param decisionCacheSize decisions remembered by typed input; 0 for none
   * @return the evaluator
   */
  public static EmbeddedPolicyEvaluator create(
      Vertx vertx, PolicyBundle bundle, int poolSize, int decisionCacheSize) {
    Objects.requireNonNull(vertx, "vertx");
    var engine = PolicyEngines.embedded(bundle, poolSize, decisionCacheSize);
    // As many threads as wasm instances: a thread never waits for an instance.
    WorkerExecutor workers = vertx.createSharedWorkerExecutor(WORKER_POOL, poolSize);
    return new EmbeddedPolicyEvaluator(engine, workers, bundle.digest());
  }

  @Override
  public Future<Decision> evaluate(String path, PolicyInput input) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(input, "input");
    // A cache hit costs microseconds: answer it here rather than hop to a worker and back.
    Optional<Decision> hit = engine.cached(path, input);
    if (hit.isPresent()) {
      return Future.succeededFuture(hit.get());
    }
    return workers
        .executeBlocking(() -> engine.evaluate(path, input), false)
        .recover(e -> Future.failedFuture(failure(path, e)));
  }

  @Override
  public Future<Void> warmUp() {
    return workers
        .<Void>executeBlocking(
            () -> {
              engine.warmUp();
              return null;
            },
            false)
        .recover(e -> Future.failedFuture(failure("warm-up", e)));
  }

  private static Throwable failure(String path, Throwable e) {
    return switch (e) {
      case PolicyFormatException f ->
          new PolicyEngineException(
              PolicyEngineException.Kind.MALFORMED,
              "embedded engine " + path + ": " + f.getMessage(),
              f);
      // A wasm trap, an undefined rule, an unknown entrypoint, a closed engine.
      case PolicyException f ->
          new PolicyEngineException(
              PolicyEngineException.Kind.ENGINE,
              "embedded engine " + path + ": " + f.getMessage(),
              f);
      default -> e;
    };
  }

  @Override
  public String engine() {
    return "embedded";
  }

  @Override
  public Optional<String> policyDigest() {
    return Optional.of(digest);
  }

  @Override
  public Future<Void> close() {
    engine.close();
    return workers.close();
  }
}
