/**
 * Stage 3: policy evaluation. Rego policies ({@code policies/}, package {@code sovereign.route})
 * evaluated in-process from their wasm build or by an external OPA server, the model catalog, trust
 * tiers and verified witness statements.
 *
 * <p>Pure, synchronous Java: no Vert.x; the gateway calls it on worker threads. Contents arrive
 * with the policy issue.
 */
package io.sovereignrouter.policy;
