/**
 * Java client for the SovereignRouter data plane and management API, with offline verification of
 * attestations through the {@code attestation} module. Depends only on the JDK HTTP client, Jackson
 * and {@code attestation}. Contents arrive with the SDK issue.
 */
package io.sovereignrouter.sdk;
