/**
 * Java client for the SovereignRouter data plane, with offline verification of attestations.
 *
 * <ul>
 *   <li>{@link io.sovereignrouter.sdk.SovereignClient}: chat completions (blocking, {@link
 *       java.util.concurrent.CompletableFuture}, {@link io.sovereignrouter.sdk.ChatStream}
 *       iterator, {@link java.util.concurrent.Flow.Publisher}), embeddings, models, attestation
 *       lookup and the public log. Per-request policy and request id through {@link
 *       io.sovereignrouter.sdk.RequestOptions}; retries through {@link
 *       io.sovereignrouter.sdk.RetryPolicy}.
 *   <li>Every answer carries an {@link io.sovereignrouter.sdk.Attestation} (an answer without one
 *       is a {@link io.sovereignrouter.sdk.SovereignProtocolException}) and the {@link
 *       io.sovereignrouter.sdk.ExchangeDigests} of what was sent and received.
 *   <li>{@link io.sovereignrouter.sdk.AttestationVerifier} checks an attestation against a pinned
 *       log key in a fixed order that fails closed, and answers with a value ({@link
 *       io.sovereignrouter.sdk.AttestationVerification}), not an exception.
 *   <li>Failures are unchecked {@link io.sovereignrouter.sdk.SovereignException}s: {@link
 *       io.sovereignrouter.sdk.ApiException} subclasses per status, {@link
 *       io.sovereignrouter.sdk.SovereignConnectionException}, {@link
 *       io.sovereignrouter.sdk.SovereignProtocolException}, {@link
 *       io.sovereignrouter.sdk.StreamInterruptedException}. Messages and {@code toString} never
 *       contain keys, tokens or message contents.
 * </ul>
 *
 * <p>Depends only on the JDK HTTP client, Jackson and the {@code attestation} module. The admin API
 * client is in {@code io.sovereignrouter.sdk.admin}; {@code io.sovereignrouter.sdk.internal} is not
 * API.
 */
package io.sovereignrouter.sdk;
