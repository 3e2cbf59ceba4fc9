package io.sovereignrouter.sdk;

/**
 * An answer that carries an attestation, with the digests of the exchange it should cover: what
 * {@link AttestationVerifier#verify(Attested)} checks in one call.
 */
public interface Attested {
  /**
   * The gateway's attestation of the call.
   *
   * @return the attestation
   */
  Attestation attestation();

  /**
   * The digests of what this client sent and received.
   *
   * @return the digests
   */
  ExchangeDigests digests();
}
