package io.sovereignrouter.attestation;

import java.util.Arrays;

/**
 * One DSSE signature: a key ID hint and the signature over {@code PAE(payloadType, payload)}.
 *
 * @param keyid unauthenticated hint naming the key ({@code <name>+<hash>} of the signed-note key)
 * @param sig signature bytes
 */
public record EnvelopeSignature(String keyid, byte[] sig) {
  /**
   * Copies the signature.
   *
   * @throws FormatException if the signature is empty
   */
  public EnvelopeSignature {
    if (sig.length == 0 || sig.length > 1024) {
      throw new FormatException("dsse signature: expected 1..1024 bytes");
    }
    sig = sig.clone();
  }

  /**
   * The signature.
   *
   * @return a copy of the signature bytes
   */
  @Override
  public byte[] sig() {
    return sig.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EnvelopeSignature s && keyid.equals(s.keyid) && Arrays.equals(sig, s.sig);
  }

  @Override
  public int hashCode() {
    return keyid.hashCode() * 31 + Arrays.hashCode(sig);
  }

  @Override
  public String toString() {
    return "EnvelopeSignature[" + keyid + "]";
  }
}
