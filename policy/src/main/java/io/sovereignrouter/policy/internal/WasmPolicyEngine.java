package io.sovereignrouter.policy.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.styra.opa.wasm.OpaPolicy;
import io.sovereignrouter.policy.Decision;
import io.sovereignrouter.policy.PolicyBundle;
import io.sovereignrouter.policy.PolicyEngine;
import io.sovereignrouter.policy.PolicyEvaluationException;
import io.sovereignrouter.policy.PolicyInput;
import io.sovereignrouter.policy.PolicyJson;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The embedded engine: the bundle's wasm module run in-process by opa-java-wasm (Chicory), one
 * module instance per concurrent evaluation from a fixed-size pool.
 *
 * <p>Each instance parses the policy data once, when it is created, and keeps it: an evaluation
 * only writes its input above the data on the wasm heap and rewinds the heap to the end of the data
 * afterwards (the OPA wasm ABI's intended use). opa-java-wasm's own {@code OpaPolicyPool} cannot be
 * used for this because it frees the data of every instance it takes back.
 *
 * <p>{@link #evaluateJson} blocks while every instance is lent out (a semaphore), so call it from
 * worker threads only, never from an event loop.
 */
public final class WasmPolicyEngine implements PolicyEngine {
  private final PolicyBundle bundle;
  private final byte[] wasm;
  private final String data;
  private final int poolSize;
  private final Semaphore permits;
  private final ConcurrentLinkedDeque<Instance> idle = new ConcurrentLinkedDeque<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Optional<DecisionCache> cache;

  /** A module instance with the data loaded and the entrypoint ids resolved. */
  private record Instance(OpaPolicy policy, Map<String, Integer> entrypoints) {}

  /**
   * Creates the engine; module instances are created on first use.
   *
   * @param bundle the compiled bundle
   * @param poolSize how many evaluations may run at once
   * @param decisionCacheSize how many typed decisions to remember by input digest; 0 for none
   */
  public WasmPolicyEngine(PolicyBundle bundle, int poolSize, int decisionCacheSize) {
    this.bundle = Objects.requireNonNull(bundle, "bundle");
    if (poolSize < 1) {
      throw new IllegalArgumentException("poolSize: expected >= 1, got " + poolSize);
    }
    if (decisionCacheSize < 0) {
      throw new IllegalArgumentException(
          "decisionCacheSize: expected >= 0, got " + decisionCacheSize);
    }
    this.cache =
        decisionCacheSize == 0
            ? Optional.empty()
            : Optional.of(new DecisionCache(decisionCacheSize));
    this.wasm = bundle.wasm();
    this.data = bundle.dataJson();
    this.poolSize = poolSize;
    this.permits = new Semaphore(poolSize);
  }

  private Instance newInstance() {
    OpaPolicy policy =
        OpaPolicy.builder().withPolicy(wasm).withJsonMapper(Json.MAPPER).build().data(data);
    // entrypoint(String) would dump and parse the entrypoint table on every call: resolve it once.
    return new Instance(policy, Map.copyOf(policy.entrypoints()));
  }

  @Override
  public String evaluateJson(String path, String inputJson) {
    return Json.format(evaluateTree(path, inputJson));
  }

  @Override
  public Optional<Decision> cached(String path, PolicyInput input) {
    return cache.flatMap(c -> c.get(DecisionCache.key(path, input)));
  }

  @Override
  public Decision evaluate(String path, PolicyInput input) {
    if (cache.isEmpty()) {
      return decide(path, PolicyJson.formatInput(input));
    }
    DecisionCache.Key key = DecisionCache.key(path, input);
    Optional<Decision> hit = cache.get().get(key);
    if (hit.isPresent()) {
      return hit.get();
    }
    Decision decision = decide(path, PolicyJson.formatInput(input));
    cache.get().put(key, decision);
    return decision;
  }

  private Decision decide(String path, String inputJson) {
    // One JSON round trip: the result set is parsed once and the decision read from that tree.
    return PolicyJson.parseDecision(evaluateTree(path, inputJson));
  }

  private JsonNode evaluateTree(String path, String inputJson) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(inputJson, "inputJson");
    String raw = evaluateRaw(path, inputJson);
    // opa-java-wasm returns the OPA result set: [{"result": value}], or [] when undefined.
    JsonNode set = Json.parse(raw, "wasm result set");
    if (!set.isArray() || set.isEmpty() || !set.get(0).has("result")) {
      throw new PolicyEvaluationException(
          path + ": expected a defined result, got " + Json.kind(set) + " of size " + set.size());
    }
    return set.get(0).get("result");
  }

  private String evaluateRaw(String path, String inputJson) {
    if (closed.get()) {
      throw new PolicyEvaluationException("embedded policy engine is closed");
    }
    try {
      permits.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PolicyEvaluationException(
          "interrupted while waiting for a wasm policy instance", e);
    }
    try {
      Instance instance = idle.pollFirst();
      if (instance == null) {
        instance = newInstance();
      }
      Integer entrypoint = instance.entrypoints().get(path);
      if (entrypoint == null) {
        idle.offerFirst(instance);
        throw new PolicyEvaluationException(
            path + ": expected one of the bundle's entrypoints " + instance.entrypoints().keySet());
      }
      String raw;
      try {
        // input() rewinds the heap to the end of the data before it writes the input.
        raw = instance.policy().entrypoint(entrypoint).input(inputJson).evaluate();
      } catch (RuntimeException e) {
        // A trapped instance may hold a corrupt heap: drop it, a new one replaces it on demand.
        throw new PolicyEvaluationException(
            "wasm evaluation of " + path + " failed: " + e.getMessage(), e);
      }
      if (!closed.get()) {
        idle.offerFirst(instance);
      }
      return raw;
    } finally {
      permits.release();
    }
  }

  @Override
  public void warmUp() {
    // Holding every permit means no instance is lent out, so idle holds all that exist.
    try {
      permits.acquire(poolSize);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PolicyEvaluationException("interrupted while warming up the wasm pool", e);
    }
    try {
      while (idle.size() < poolSize && !closed.get()) {
        Instance instance = newInstance();
        // One evaluation also runs the module's start-up paths through the JIT once.
        instance.policy().entrypoint(instance.entrypoints().values().iterator().next());
        instance.policy().input("{}").evaluate();
        idle.offerFirst(instance);
      }
    } catch (RuntimeException e) {
      throw new PolicyEvaluationException("wasm pool warm-up failed: " + e.getMessage(), e);
    } finally {
      permits.release(poolSize);
    }
  }

  /**
   * The bundle this engine evaluates.
   *
   * @return the bundle
   */
  public PolicyBundle bundle() {
    return bundle;
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      idle.clear();
    }
  }
}
