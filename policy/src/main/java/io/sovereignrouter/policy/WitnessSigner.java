package io.sovereignrouter.policy;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/** Signs witness statements into DSSE envelopes with an Ed25519 private key (witness tooling). */
public final class WitnessSigner {
  private final String keyId;
  private final PrivateKey key;

  /**
   * Creates a signer.
   *
   * @param keyId the id verifiers know the matching public key by
   * @param key the Ed25519 private key
   */
  public WitnessSigner(String keyId, PrivateKey key) {
    this.keyId = Objects.requireNonNull(keyId, "keyId");
    this.key = Objects.requireNonNull(key, "key");
  }

  /**
   * Signs a statement.
   *
   * @param statement the statement
   * @return the envelope with one signature
   * @throws PolicyException when the key cannot sign
   */
  public WitnessEnvelope sign(WitnessStatement statement) {
    byte[] payload = statement.formatPayload();
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(key);
      s.update(WitnessEnvelope.pae(WitnessStatement.PAYLOAD_TYPE, payload));
      return new WitnessEnvelope(
          WitnessStatement.PAYLOAD_TYPE,
          Base64.getEncoder().encodeToString(payload),
          List.of(
              new WitnessEnvelope.Signature(keyId, Base64.getEncoder().encodeToString(s.sign()))));
    } catch (GeneralSecurityException e) {
      throw new PolicyException("witness key " + keyId + " cannot sign", e);
    }
  }
}
