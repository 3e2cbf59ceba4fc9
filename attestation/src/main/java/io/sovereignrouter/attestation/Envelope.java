package io.sovereignrouter.attestation;

import java.util.Arrays;
import java.util.List;

/**
 * A DSSE envelope (https://github.com/secure-systems-lab/dsse, protocol v1).
 *
 * @param payloadType media type of the payload, e.g. {@code application/vnd.in-toto+json}
 * @param payload the signed bytes
 * @param signatures one or more signatures over {@code PAE(payloadType, payload)}
 */
public record Envelope(String payloadType, byte[] payload, List<EnvelopeSignature> signatures) {
  /** Most signatures accepted (STYLE §5). */
  public static final int MAX_SIGNATURES = 20;

  /**
   * Validates and copies.
   *
   * @throws FormatException if the type is empty or there are 0 or too many signatures
   */
  public Envelope {
    if (payloadType.isEmpty()) {
      throw new FormatException("dsse: empty payloadType");
    }
    if (signatures.isEmpty() || signatures.size() > MAX_SIGNATURES) {
      throw new FormatException(
          "dsse: expected 1.." + MAX_SIGNATURES + " signatures, got " + signatures.size());
    }
    payload = payload.clone();
    signatures = List.copyOf(signatures);
  }

  /**
   * The payload.
   *
   * @return a copy of the payload bytes
   */
  @Override
  public byte[] payload() {
    return payload.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Envelope e
        && payloadType.equals(e.payloadType)
        && Arrays.equals(payload, e.payload)
        && signatures.equals(e.signatures);
  }

  @Override
  public int hashCode() {
    return (payloadType.hashCode() * 31 + Arrays.hashCode(payload)) * 31 + signatures.hashCode();
  }

  @Override
  public String toString() {
    return "Envelope[" + payloadType + ", " + payload.length + " bytes, " + signatures + "]";
  }
}
