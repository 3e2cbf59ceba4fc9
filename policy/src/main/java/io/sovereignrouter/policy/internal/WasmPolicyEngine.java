package io.sovereignrouter.policy.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.styra.opa.wasm.OpaPolicy;
import com.styra.opa.wasm.OpaPolicyPool;
import io.sovereignrouter.policy.PolicyBundle;
import io.sovereignrouter.policy.PolicyEngine;
import io.sovereignrouter.policy.PolicyEvaluationException;
import java.util.Objects;

/**
 * The embedded engine: the bundle's wasm module run in-process by opa-java-wasm (Chicory), one
 * module instance per concurrent evaluation from a fixed-size pool.
 *
 * <p>{@link #evaluateJson} blocks while every instance is lent out ({@link OpaPolicyPool#borrow()}
 * waits on a semaphore), so call it from worker threads only, never from an event loop.
 */
public final class WasmPolicyEngine implements PolicyEngine {
  private final OpaPolicyPool pool;
  private final PolicyBundle bundle;
  private final String data;

  /**
   * Creates the engine; module instances are created on first use.
   *
   * @param bundle the compiled bundle
   * @param poolSize how many evaluations may run at once
   */
  public WasmPolicyEngine(PolicyBundle bundle, int poolSize) {
    this.bundle = Objects.requireNonNull(bundle, "bundle");
    if (poolSize < 1) {
      throw new IllegalArgumentException("poolSize: expected >= 1, got " + poolSize);
    }
    byte[] wasm = bundle.wasm();
    this.data = bundle.dataJson();
    this.pool =
        OpaPolicyPool.create(
            () ->
                OpaPolicy.builder().withPolicy(wasm).withJsonMapper(Json.MAPPER).build().data(data),
            poolSize);
  }

  @Override
  public String evaluateJson(String path, String inputJson) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(inputJson, "inputJson");
    String raw;
    OpaPolicyPool.Loan loan;
    try {
      loan = pool.borrow();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PolicyEvaluationException(
          "interrupted while waiting for a wasm policy instance", e);
    }
    try {
      // The pool resets an instance (data included) when it is returned, so load data per loan.
      raw = loan.policy().data(data).entrypoint(path).evaluate(inputJson);
      loan.close();
    } catch (RuntimeException e) {
      // A trapped instance may hold a corrupt heap: never return it to the pool.
      loan.discard();
      throw new PolicyEvaluationException(
          "wasm evaluation of " + path + " failed: " + e.getMessage(), e);
    }
    // opa-java-wasm returns the OPA result set: [{"result": value}], or [] when undefined.
    JsonNode set = Json.parse(raw, "wasm result set");
    if (!set.isArray() || set.isEmpty() || !set.get(0).has("result")) {
      throw new PolicyEvaluationException(
          path + ": expected a defined result, got " + Json.kind(set) + " of size " + set.size());
    }
    return Json.format(set.get(0).get("result"));
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
    pool.close();
  }
}
