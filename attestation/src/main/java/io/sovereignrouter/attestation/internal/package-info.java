/**
 * Implementation details of {@code io.sovereignrouter.attestation}: byte codecs of tiles and entry
 * bundles, the in-memory right edge of the tree, and the module's one JSON codec. Not API.
 */
package io.sovereignrouter.attestation.internal;
