/**
 * Stage 6: the append-only audit log and the statements in it.
 *
 * <ul>
 *   <li>{@link io.sovereignrouter.attestation.Hash}, {@link
 *       io.sovereignrouter.attestation.MerkleProofs}, {@link
 *       io.sovereignrouter.attestation.InclusionProof}, {@link
 *       io.sovereignrouter.attestation.ConsistencyProof}: RFC 6962 / RFC 9162 §2.1 hashing, proof
 *       generation and verification between any two sizes.
 *   <li>{@link io.sovereignrouter.attestation.TilePath}, {@link
 *       io.sovereignrouter.attestation.TileStore}, {@link
 *       io.sovereignrouter.attestation.FileTileStore}: C2SP tlog-tiles storage; {@link
 *       io.sovereignrouter.attestation.SharedTileStore}: storage several log processes append to,
 *       one integrator at a time.
 *   <li>{@link io.sovereignrouter.attestation.Checkpoint}, {@link
 *       io.sovereignrouter.attestation.Note}, {@link io.sovereignrouter.attestation.Notes}, {@link
 *       io.sovereignrouter.attestation.NoteVerifierKey}: C2SP tlog-checkpoint and signed-note
 *       (Ed25519).
 *   <li>{@link io.sovereignrouter.attestation.MerkleLog}: one sequencer with group commit; appends
 *       complete with (index, inclusion proof, signed checkpoint) once durable.
 *   <li>{@link io.sovereignrouter.attestation.Envelope}, {@link
 *       io.sovereignrouter.attestation.Statement}: DSSE envelopes holding in-toto Statement v1.
 * </ul>
 *
 * <p>Pure, synchronous Java: no Vert.x, no network, no threads but the log's sequencer. Storage and
 * signing sit behind {@link io.sovereignrouter.attestation.TileStore} and {@link
 * io.sovereignrouter.attestation.Signer}. Expected outcomes (a proof that does not verify, an
 * unknown key) are values; malformed input, I/O failures and overload are subclasses of {@link
 * io.sovereignrouter.attestation.AttestationException}. Parsers accept only the canonical form
 * their {@code format} produces.
 */
package io.sovereignrouter.attestation;
