/**
 * Stage 6: the append-only audit log and the statements in it. RFC 6962/9162 Merkle tree over
 * SHA-256 stored as C2SP tlog-tiles, C2SP signed-note checkpoints (Ed25519), inclusion and
 * consistency proofs, and DSSE envelopes holding in-toto statements of what served each call.
 *
 * <p>Pure, synchronous Java: no Vert.x, no threads, no network. Storage and signing sit behind
 * small interfaces this package owns. Contents arrive with the attestation issue.
 */
package io.sovereignrouter.attestation;
