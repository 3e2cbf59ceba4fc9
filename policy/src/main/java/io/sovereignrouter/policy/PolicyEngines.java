package io.sovereignrouter.policy;

import io.sovereignrouter.policy.internal.WasmPolicyEngine;

/** Factories for the engines that live in this module. */
public final class PolicyEngines {
  /** Default pool size of the embedded engine: one wasm instance per available processor. */
  public static final int DEFAULT_POOL_SIZE =
      Math.max(1, Runtime.getRuntime().availableProcessors());

  /**
   * Default number of decisions the embedded engine remembers by typed input. Health and token
   * estimates are part of the input, so only identical inputs hit.
   */
  public static final int DEFAULT_DECISION_CACHE_SIZE = 1024;

  private PolicyEngines() {}

  /**
   * The embedded engine on the built-in bundle, with {@link #DEFAULT_POOL_SIZE} instances and a
   * decision cache of {@link #DEFAULT_DECISION_CACHE_SIZE} entries.
   *
   * @return the engine; its evaluations block, call them from worker threads
   */
  public static PolicyEngine embedded() {
    return embedded(PolicyBundle.builtin(), DEFAULT_POOL_SIZE, DEFAULT_DECISION_CACHE_SIZE);
  }

  /**
   * The embedded engine on a given bundle, without a decision cache.
   *
   * @param bundle the compiled bundle
   * @param poolSize how many evaluations may run at once; more callers wait
   * @return the engine; its evaluations block, call them from worker threads
   */
  public static PolicyEngine embedded(PolicyBundle bundle, int poolSize) {
    return embedded(bundle, poolSize, 0);
  }

  /**
   * The embedded engine on a given bundle, remembering typed decisions ({@link
   * PolicyEngine#evaluate(String, PolicyInput)}) by their input record (equal records format to the
   * same input document, so a hit neither formats nor hashes JSON). The cache belongs to this
   * engine and so to this bundle; only use it with bundles whose decisions depend on nothing but
   * the input (no clock, randomness or HTTP builtins), as the built-in one.
   *
   * @param bundle the compiled bundle
   * @param poolSize how many evaluations may run at once; more callers wait
   * @param decisionCacheSize how many decisions to remember, least recently used out; 0 for none
   * @return the engine; its evaluations block, call them from worker threads
   */
  public static PolicyEngine embedded(PolicyBundle bundle, int poolSize, int decisionCacheSize) {
    return new WasmPolicyEngine(bundle, poolSize, decisionCacheSize);
  }
}
