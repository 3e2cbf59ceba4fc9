package io.sovereignrouter.policy;

import io.sovereignrouter.policy.internal.WasmPolicyEngine;

/** Factories for the engines that live in this module. */
public final class PolicyEngines {
  /** Default pool size of the embedded engine: one wasm instance per available processor. */
  public static final int DEFAULT_POOL_SIZE =
      Math.max(1, Runtime.getRuntime().availableProcessors());

  private PolicyEngines() {}

  /**
   * The embedded engine on the built-in bundle, with {@link #DEFAULT_POOL_SIZE} instances.
   *
   * @return the engine; its evaluations block, call them from worker threads
   */
  public static PolicyEngine embedded() {
    return embedded(PolicyBundle.builtin(), DEFAULT_POOL_SIZE);
  }

  /**
   * The embedded engine on a given bundle.
   *
   * @param bundle the compiled bundle
   * @param poolSize how many evaluations may run at once; more callers wait
   * @return the engine; its evaluations block, call them from worker threads
   */
  public static PolicyEngine embedded(PolicyBundle bundle, int poolSize) {
    return new WasmPolicyEngine(bundle, poolSize);
  }
}
