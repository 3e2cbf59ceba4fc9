/**
 * Stage 3: policy evaluation. Rego policies ({@code policies/}, package {@code sovereign.route})
 * evaluated in-process from their wasm build ({@link io.sovereignrouter.policy.PolicyEngines}) or
 * by an external OPA server behind the same {@link io.sovereignrouter.policy.PolicyEngine}
 * interface; the model catalog ({@link io.sovereignrouter.policy.ModelCatalog}); witness statements
 * ({@link io.sovereignrouter.policy.WitnessVerifier}), from which tiers are derived.
 *
 * <p>Contract: a {@link io.sovereignrouter.policy.PolicyInput} goes in, a {@link
 * io.sovereignrouter.policy.Decision} comes out; a deny is a value, malformed JSON and engine
 * failures are {@link io.sovereignrouter.policy.PolicyException}s. Pure, synchronous Java: no
 * Vert.x; engines may block, so the gateway calls them on worker threads.
 */
package io.sovereignrouter.policy;
