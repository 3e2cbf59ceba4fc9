package io.sovereignrouter.attestation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sovereignrouter.attestation.internal.Json;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * DSSE signing, verification and the canonical JSON form of envelopes.
 *
 * <p>The canonical form is compact JSON with keys in the order {@code payload}, {@code
 * payloadType}, {@code signatures} ({@code keyid}, {@code sig}), standard padded base64: the RFC
 * 8785 form of the envelope. Log leaves hash exactly these bytes, and {@link #parse} accepts only
 * them, so an envelope copied out of an attestation re-hashes to its leaf.
 */
public final class Envelopes {
  private static final Set<String> TOP_KEYS = Set.of("payload", "payloadType", "signatures");
  private static final Set<String> SIG_KEYS = Set.of("keyid", "sig");

  private Envelopes() {}

  /**
   * DSSE v1 pre-authentication encoding: {@code "DSSEv1" SP LEN(type) SP type SP LEN(body) SP
   * body}, lengths as ASCII decimal byte counts.
   *
   * @param payloadType the payload type
   * @param payload the payload bytes
   * @return the bytes that are signed
   */
  public static byte[] pae(String payloadType, byte[] payload) {
    byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + type.length + 32);
    out.writeBytes(
        ("DSSEv1 " + type.length + " ").getBytes(StandardCharsets.US_ASCII)); // DSSE protocol: PAE
    out.writeBytes(type);
    out.writeBytes((" " + payload.length + " ").getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(payload);
    return out.toByteArray();
  }

  /**
   * The DSSE key ID we put on signatures: {@code <name>+<8-hex key hash>} of the signed-note key.
   *
   * @param key the verifier key
   * @return the key ID
   */
  public static String keyId(NoteVerifierKey key) {
    return key.name() + "+" + HexFormat.of().toHexDigits(key.keyHash());
  }

  /**
   * Signs a payload.
   *
   * @param payloadType the payload type
   * @param payload the payload
   * @param signer the key
   * @return a one-signature envelope
   */
  public static Envelope sign(String payloadType, byte[] payload, Signer signer) {
    return sign(payloadType, payload, List.of(signer));
  }

  /**
   * Signs a payload with several keys (e.g. a log's old and new key vouching for a rotation).
   *
   * @param payloadType the payload type
   * @param payload the payload
   * @param signers the keys, in signature order
   * @return the envelope
   */
  public static Envelope sign(String payloadType, byte[] payload, List<? extends Signer> signers) {
    byte[] message = pae(payloadType, payload);
    List<EnvelopeSignature> sigs = new java.util.ArrayList<>();
    for (Signer s : signers) {
      sigs.add(new EnvelopeSignature(keyId(s.verifierKey()), s.sign(message)));
    }
    return new Envelope(payloadType, payload, sigs);
  }

  /**
   * Verifies an envelope against one trusted key: at least one signature must carry the key's ID
   * and verify; signatures with other key IDs are ignored.
   *
   * @param envelope the envelope
   * @param key the trusted key
   * @return {@link Verification.Verified} or {@link Verification.Invalid}
   */
  public static Verification verify(Envelope envelope, NoteVerifierKey key) {
    return verify(envelope, LogKeys.of(key));
  }

  /**
   * Verifies an envelope against a log's keys: at least one signature must carry one of their IDs
   * and verify, and none carrying one of their IDs may fail; other signatures are ignored.
   *
   * @param envelope the envelope
   * @param keys the trusted keys
   * @return {@link Verification.Verified} or {@link Verification.Invalid}
   */
  public static Verification verify(Envelope envelope, LogKeys keys) {
    byte[] message = pae(envelope.payloadType(), envelope.payload());
    boolean any = false;
    for (EnvelopeSignature s : envelope.signatures()) {
      for (NoteVerifierKey key : keys.keys()) {
        if (!s.keyid().equals(keyId(key))) {
          continue;
        }
        if (!key.verify(message, s.sig())) {
          return new Verification.Invalid("dsse: invalid signature by " + s.keyid());
        }
        any = true;
      }
    }
    return any
        ? new Verification.Verified()
        : new Verification.Invalid("dsse: no signature by " + keyIds(keys));
  }

  private static String keyIds(LogKeys keys) {
    return String.join(" or ", keys.keys().stream().map(Envelopes::keyId).toList());
  }

  /**
   * The canonical JSON bytes of an envelope (what the log stores as an entry).
   *
   * @param envelope the envelope
   * @return compact JSON
   */
  public static byte[] format(Envelope envelope) {
    return Json.write(toJson(envelope));
  }

  /**
   * The envelope as a JSON tree (for embedding in a larger document).
   *
   * @param envelope the envelope
   * @return a new object node
   */
  public static ObjectNode toJson(Envelope envelope) {
    ObjectNode o = Json.object();
    o.put("payload", Base64.getEncoder().encodeToString(envelope.payload()));
    o.put("payloadType", envelope.payloadType());
    ArrayNode sigs = o.putArray("signatures");
    for (EnvelopeSignature s : envelope.signatures()) {
      sigs.addObject()
          .put("keyid", s.keyid())
          .put("sig", Base64.getEncoder().encodeToString(s.sig()));
    }
    return o;
  }

  /**
   * Parses canonical envelope JSON strictly: exactly the known keys, canonical base64, and bytes
   * identical to {@link #format} of the result.
   *
   * @param bytes the JSON
   * @return the envelope
   * @throws FormatException if malformed or not canonical
   */
  public static Envelope parse(byte[] bytes) {
    Envelope e = fromJson(Json.read(bytes, "dsse"));
    if (!Arrays.equals(format(e), bytes)) {
      throw new FormatException("dsse: not in canonical form");
    }
    return e;
  }

  /**
   * Reads an envelope from a JSON tree (strict keys; no canonical-bytes check).
   *
   * @param node the JSON object
   * @return the envelope
   * @throws FormatException if malformed
   */
  public static Envelope fromJson(JsonNode node) {
    requireKeys(node, TOP_KEYS, "dsse envelope");
    byte[] payload = Base64s.decodeStrict(text(node, "payload"), "dsse payload");
    JsonNode sigs = node.get("signatures");
    if (!sigs.isArray()) {
      throw new FormatException("dsse: signatures must be an array");
    }
    List<EnvelopeSignature> list = new ArrayList<>();
    for (JsonNode s : sigs) {
      if (list.size() == Envelope.MAX_SIGNATURES) {
        throw new FormatException("dsse: too many signatures");
      }
      requireKeys(s, SIG_KEYS, "dsse signature");
      list.add(
          new EnvelopeSignature(
              text(s, "keyid"), Base64s.decodeStrict(text(s, "sig"), "dsse signature")));
    }
    return new Envelope(text(node, "payloadType"), payload, list);
  }

  static void requireKeys(JsonNode node, Set<String> keys, String what) {
    if (!node.isObject()) {
      throw new FormatException(what + ": expected a JSON object");
    }
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    if (names.size() != keys.size() || !keys.containsAll(names)) {
      throw new FormatException(what + ": expected keys " + keys + ", got " + names);
    }
  }

  static String text(JsonNode node, String key) {
    JsonNode v = node.get(key);
    if (v == null || !v.isTextual()) {
      throw new FormatException("expected string field " + key);
    }
    return v.asText();
  }
}
