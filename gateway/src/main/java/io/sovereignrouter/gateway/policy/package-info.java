/**
 * Stage 3 on the event loop: asynchronous policy evaluation for the request path.
 *
 * <p>{@link io.sovereignrouter.gateway.policy.PolicyEvaluator} decides a {@link
 * io.sovereignrouter.policy.PolicyInput} and completes with the policy module's {@link
 * io.sovereignrouter.policy.Decision}; a deny is a value, never a failure. Two implementations,
 * chosen by {@link io.sovereignrouter.gateway.config.PolicyConfig} through {@link
 * io.sovereignrouter.gateway.policy.PolicyEvaluators#create}: the embedded wasm engine, run on the
 * named worker pool {@value io.sovereignrouter.gateway.policy.EmbeddedPolicyEvaluator#WORKER_POOL}
 * because it blocks, and an external OPA server reached through {@link
 * io.sovereignrouter.gateway.policy.OpaClient} (Vert.x Web Client, OPA's REST Data API). Both
 * return identical decisions on {@code policies/testdata/decision_vectors.json}.
 *
 * <p>When no decision can be made (OPA down or slow, a non-200 answer, an undefined rule, a wasm
 * trap) the future fails with {@link io.sovereignrouter.gateway.policy.PolicyEngineException}: the
 * request must then be refused (503), never served unchecked. Inputs are never logged or put into
 * messages; they carry tenant and origin data.
 */
package io.sovereignrouter.gateway.policy;
