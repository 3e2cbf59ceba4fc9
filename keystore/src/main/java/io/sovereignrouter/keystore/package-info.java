/**
 * Stage 5 credentials: resolution of secret references through LocalFile → Env → KMS, envelope
 * encryption of local secrets, AWS and GCP KMS, rotation, and keyed fingerprints, the only form in
 * which a secret leaves this module.
 *
 * <p>Pure, synchronous Java; cloud drivers live in their own packages. Contents arrive with the
 * keystore issue; until then the gateway resolves {@code env:NAME} references itself.
 */
package io.sovereignrouter.keystore;
