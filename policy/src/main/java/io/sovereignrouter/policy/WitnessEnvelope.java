package io.sovereignrouter.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sovereignrouter.policy.internal.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A DSSE envelope carrying a {@link WitnessStatement}: {@code
 * {"payloadType","payload","signatures":[{"keyid","sig"}]}} with base64 payload and signatures.
 *
 * @param payloadType the DSSE payload type
 * @param payload the payload, standard base64
 * @param signatures the signatures over the DSSE PAE of type and payload
 */
public record WitnessEnvelope(String payloadType, String payload, List<Signature> signatures) {

  /** Most signatures a verifier looks at (STYLE.md §5: cap the number of signatures). */
  public static final int MAX_SIGNATURES = 8;

  /**
   * One signature.
   *
   * @param keyId the witness key id
   * @param sig the signature, standard base64
   */
  public record Signature(String keyId, String sig) {
    /** Validates. */
    public Signature {
      Objects.requireNonNull(keyId, "keyId");
      Objects.requireNonNull(sig, "sig");
    }
  }

  /** Validates and copies. */
  public WitnessEnvelope {
    Objects.requireNonNull(payloadType, "payloadType");
    Objects.requireNonNull(payload, "payload");
    signatures = List.copyOf(signatures);
  }

  /**
   * The DSSE v1 pre-authentication encoding that signatures cover.
   *
   * @param payloadType the payload type
   * @param payload the raw payload bytes
   * @return {@code "DSSEv1" SP len(type) SP type SP len(body) SP body}
   */
  public static byte[] pae(String payloadType, byte[] payload) {
    // DSSE protocol: PAE(type, body) = "DSSEv1" + SP + LEN(type) + SP + type + SP + LEN(body) + SP
    // + body, with LEN the ASCII decimal byte length.
    byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
    byte[] head =
        ("DSSEv1 " + type.length + " " + payloadType + " " + payload.length + " ")
            .getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[head.length + payload.length];
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(payload, 0, out, head.length, payload.length);
    return out;
  }

  /**
   * Formats the envelope as JSON.
   *
   * @return compact JSON
   */
  public String format() {
    ObjectNode n = Json.object();
    n.put("payloadType", payloadType);
    n.put("payload", payload);
    ArrayNode sigs = n.putArray("signatures");
    signatures.forEach(s -> sigs.addObject().put("keyid", s.keyId()).put("sig", s.sig()));
    return Json.format(n);
  }

  /**
   * Parses an envelope.
   *
   * @param json the envelope JSON
   * @return the envelope
   * @throws PolicyFormatException when it does not have the DSSE shape
   */
  public static WitnessEnvelope parse(String json) {
    String p = "witness envelope";
    JsonNode n =
        Json.object(
            Json.parse(json, p), p, Set.of("payloadType", "payload", "signatures"), Set.of());
    List<Signature> sigs = new ArrayList<>();
    for (JsonNode s : Json.array(n, "signatures", p)) {
      Json.object(s, p + ".signatures[]", Set.of("sig"), Set.of("keyid"));
      sigs.add(
          new Signature(
              Json.optionalText(s, "keyid", p).orElse(""),
              Json.text(s, "sig", p + ".signatures[]")));
    }
    return new WitnessEnvelope(Json.text(n, "payloadType", p), Json.text(n, "payload", p), sigs);
  }

  /**
   * Decodes the payload.
   *
   * @return the raw payload bytes
   * @throws PolicyFormatException when the payload is not standard base64
   */
  public byte[] payloadBytes() {
    try {
      return Base64.getDecoder().decode(payload);
    } catch (IllegalArgumentException e) {
      throw new PolicyFormatException("witness envelope payload: not base64", e);
    }
  }
}
