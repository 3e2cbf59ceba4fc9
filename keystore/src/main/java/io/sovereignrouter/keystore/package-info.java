/**
 * Stage 5 credentials: resolution of secret references through LocalFile → Env → KMS, envelope
 * encryption of local secrets, AWS and GCP KMS, KEK rotation, and keyed fingerprints, the only form
 * in which a secret leaves this module.
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>{@link io.sovereignrouter.keystore.SecretRef} is the closed set of references ({@code
 *       file:}, {@code env:}, {@code aws-kms:}, {@code gcp-kms:}, bare name) with strict, symmetric
 *       {@code parse}/{@code format}.
 *   <li>{@link io.sovereignrouter.keystore.SecretResolver} turns a reference into a {@link
 *       io.sovereignrouter.keystore.Resolution}: a {@link io.sovereignrouter.keystore.Secret} copy
 *       owned by the caller, or the reason it was not found. Plaintext is cached for a TTL and
 *       zeroed when dropped.
 *   <li>{@link io.sovereignrouter.keystore.LocalFileKeystore} never writes plaintext: without a
 *       {@link io.sovereignrouter.keystore.Kek} it refuses to store. Writes are atomic; KEK
 *       rotation is online and crash-safe.
 *   <li>Nothing in this module puts secret values in exception messages or {@code toString()};
 *       {@link io.sovereignrouter.keystore.Fingerprint} (HMAC-SHA256 prefix) is what others see.
 * </ul>
 *
 * <p>Pure, synchronous Java; cloud drivers live in {@code .aws} and {@code .gcp}, file-format
 * internals in {@code .internal}.
 */
package io.sovereignrouter.keystore;
