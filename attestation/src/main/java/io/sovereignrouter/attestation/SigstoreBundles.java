package io.sovereignrouter.attestation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sovereignrouter.attestation.internal.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Exports an attestation in Sigstore's formats (protobuf-specs JSON): a bundle v0.3 holding the
 * DSSE envelope, public-key verification material and our log's entry with its inclusion proof and
 * signed checkpoint, and a trusted root naming our log key. Export only: Sigstore clients are the
 * parsers, and the tests feed these documents to sigstore-java.
 *
 * <p>What does not map one to one, and why:
 *
 * <ul>
 *   <li>Our log's leaves are the DSSE envelope bytes themselves (DESIGN §5), so {@code
 *       canonicalizedBody} is that envelope, not a Rekor {@code dsse} entry body. Inclusion
 *       verifies as RFC 6962 over exactly those bytes; a verifier that rebuilds Rekor's body from
 *       the envelope and compares it refuses the entry.
 *   <li>Checkpoints are C2SP signed notes signed with Ed25519, as Rekor v2's are; {@code
 *       checkpointKeyId} in the trusted root is the note's 4-byte key hash and {@code logId} the
 *       full SHA-256 it is cut from (see {@link #logId}).
 *   <li>DSSE signatures in the bundle carry no key id (see {@link #signatureBundle}).
 *   <li>The log records no integration time and issues no signed entry timestamp: {@code
 *       integratedTime} is 0 (which protobuf JSON readers see as unset) and there is no {@code
 *       inclusionPromise}, again as in Rekor v2.
 * </ul>
 */
public final class SigstoreBundles {
  /** Bundle media type (protobuf-specs bundle v0.3). */
  public static final String BUNDLE_MEDIA_TYPE = "application/vnd.dev.sigstore.bundle.v0.3+json";

  /** Trusted-root media type: v0.1, the one sigstore-java 2.0.0 accepts (it refuses v0.2). */
  public static final String TRUSTED_ROOT_MEDIA_TYPE =
      "application/vnd.dev.sigstore.trustedroot+json;version=0.1";

  // RFC 8410 §4: SubjectPublicKeyInfo for id-Ed25519 (1.3.101.112), then the 32-byte key.
  private static final byte[] ED25519_SPKI_PREFIX =
      HexFormat.of().parseHex("302a300506032b6570032100");
  private static final Base64.Encoder B64 = Base64.getEncoder();

  private SigstoreBundles() {}

  /**
   * The bundle for one logged attestation.
   *
   * @param envelope the DSSE envelope (the log entry)
   * @param receipt its inclusion proof and signed checkpoint
   * @param logKey the log key that signed envelope and checkpoint
   * @return the bundle as a JSON tree
   */
  public static ObjectNode bundle(
      Envelope envelope, InclusionReceipt receipt, NoteVerifierKey logKey) {
    ObjectNode b = Json.object();
    b.put("mediaType", BUNDLE_MEDIA_TYPE);
    ObjectNode material = b.putObject("verificationMaterial");
    material.putObject("publicKey").put("hint", Envelopes.keyId(logKey));
    ObjectNode entry = material.putArray("tlogEntries").addObject();
    InclusionProof proof = receipt.proof();
    // protobuf JSON: int64 as decimal strings, bytes as standard base64.
    entry.put("logIndex", Long.toString(proof.leafIndex()));
    entry.putObject("logId").put("keyId", B64.encodeToString(logId(logKey).bytes()));
    entry.putObject("kindVersion").put("kind", "dsse").put("version", "0.0.1");
    entry.put("integratedTime", "0");
    ObjectNode p = entry.putObject("inclusionProof");
    p.put("logIndex", Long.toString(proof.leafIndex()));
    p.put("rootHash", B64.encodeToString(receipt.rootHash().bytes()));
    p.put("treeSize", Long.toString(proof.treeSize()));
    ArrayNode hashes = p.putArray("hashes");
    proof.hashes().forEach(h -> hashes.add(B64.encodeToString(h.bytes())));
    p.putObject("checkpoint").put("envelope", receipt.checkpoint().format());
    entry.put("canonicalizedBody", B64.encodeToString(Envelopes.format(envelope)));
    dsse(b, envelope);
    return b;
  }

  /**
   * A bundle of the signature alone: the DSSE envelope and public-key material, no log entry. It
   * proves who signed the statement, not that the log holds it; it is what cosign can check (with
   * {@code --insecure-ignore-tlog}), since cosign refuses our log entry (see the README).
   *
   * @param envelope the DSSE envelope
   * @param logKey the key that signed it
   * @return the bundle as a JSON tree
   */
  public static ObjectNode signatureBundle(Envelope envelope, NoteVerifierKey logKey) {
    ObjectNode b = Json.object();
    b.put("mediaType", BUNDLE_MEDIA_TYPE);
    ObjectNode material = b.putObject("verificationMaterial");
    material.putObject("publicKey").put("hint", Envelopes.keyId(logKey));
    material.putArray("tlogEntries");
    dsse(b, envelope);
    return b;
  }

  private static void dsse(ObjectNode bundle, Envelope envelope) {
    ObjectNode dsse = bundle.putObject("dsseEnvelope");
    dsse.put("payload", B64.encodeToString(envelope.payload()));
    dsse.put("payloadType", envelope.payloadType());
    ArrayNode sigs = dsse.putArray("signatures");
    // DSSE key ids are unsigned hints, and sigstore-go skips a signature whose key id is not its
    // own id for the key, so the bundle's copy carries none (the logged envelope keeps ours).
    envelope
        .signatures()
        .forEach(s -> sigs.addObject().put("sig", B64.encodeToString(s.sig())).put("keyid", ""));
  }

  /**
   * The bundle for an {@code _sf_attestation}, as {@link #bundle(Envelope, InclusionReceipt,
   * NoteVerifierKey)}. Verify the attestation first ({@link AttestationVerifier}): this only
   * converts.
   *
   * @param attestation UTF-8 JSON: the attestation object or an object holding it under {@code
   *     _sf_attestation}
   * @param logKey the log key
   * @return compact UTF-8 JSON of the bundle
   * @throws FormatException if the attestation is malformed
   */
  public static byte[] bundle(byte[] attestation, NoteVerifierKey logKey) {
    JsonNode a = member(attestation, "inclusion_proof");
    return Json.write(
        bundle(
            Envelopes.fromJson(a.get("envelope")),
            InclusionReceipts.fromJson(a.get("inclusion_proof")),
            logKey));
  }

  /**
   * The signature-only bundle for an {@code _sf_attestation}, as {@link #signatureBundle(Envelope,
   * NoteVerifierKey)}.
   *
   * @param attestation UTF-8 JSON, as for {@link #bundle(byte[], NoteVerifierKey)}
   * @param logKey the log key
   * @return compact UTF-8 JSON of the bundle
   * @throws FormatException if the attestation is malformed
   */
  public static byte[] signatureBundle(byte[] attestation, NoteVerifierKey logKey) {
    return Json.write(
        signatureBundle(
            Envelopes.fromJson(member(attestation, "envelope").get("envelope")), logKey));
  }

  private static JsonNode member(byte[] attestation, String needed) {
    JsonNode a = Json.read(attestation, "attestation");
    if (a.has("_sf_attestation")) {
      a = a.get("_sf_attestation");
    }
    if (!a.has(needed) && a.has("inclusion_promise")) {
      throw new FormatException(
          "attestation: carries an inclusion promise, no proof to export; fetch the proven form"
              + " from GET /v1/attestations/{route_decision_id} and export that");
    }
    if (!a.path("envelope").isObject() || !a.path(needed).isObject()) {
      throw new FormatException("attestation: needs 'envelope' and '" + needed + "'");
    }
    return a;
  }

  /**
   * A trusted root whose only transparency log is ours.
   *
   * @param logKey the log key
   * @param baseUrl where the log is served, e.g. {@code https://gw.example/log}
   * @param validFrom start of the key's validity
   * @return the trusted root as a JSON tree
   */
  public static ObjectNode trustedRoot(NoteVerifierKey logKey, String baseUrl, Instant validFrom) {
    ObjectNode r = Json.object();
    r.put("mediaType", TRUSTED_ROOT_MEDIA_TYPE);
    ObjectNode log = r.putArray("tlogs").addObject();
    log.put("baseUrl", baseUrl);
    log.put("hashAlgorithm", "SHA2_256");
    ObjectNode key = log.putObject("publicKey");
    key.put("rawBytes", B64.encodeToString(spki(logKey)));
    key.put("keyDetails", "PKIX_ED25519");
    key.putObject("validFor").put("start", validFrom.truncatedTo(ChronoUnit.SECONDS).toString());
    log.putObject("logId").put("keyId", B64.encodeToString(logId(logKey).bytes()));
    r.putArray("certificateAuthorities");
    r.putArray("ctlogs");
    r.putArray("timestampAuthorities");
    return r;
  }

  /**
   * The log key as a DER SubjectPublicKeyInfo (RFC 8410), the form Sigstore stores keys in.
   *
   * @param logKey the log key
   * @return 44 DER bytes
   */
  public static byte[] spki(NoteVerifierKey logKey) {
    ByteBuffer der = ByteBuffer.allocate(ED25519_SPKI_PREFIX.length + 32);
    return der.put(ED25519_SPKI_PREFIX).put(logKey.publicKey()).array();
  }

  /**
   * The log's id: the full SHA-256 whose first 4 bytes are the signed note's key hash, {@code
   * SHA-256(name || "\n" || 0x01 || key)} (C2SP signed-note). Sigstore clients match a checkpoint
   * signature's key hint against the first 4 bytes of the log id, so this is the id under which
   * they can check our checkpoints (Rekor v1 instead hashes the SubjectPublicKeyInfo, and its key
   * hint is cut from that).
   *
   * @param logKey the log key
   * @return the id
   */
  public static Hash logId(NoteVerifierKey logKey) {
    byte[] name = logKey.name().getBytes(StandardCharsets.UTF_8);
    ByteBuffer in = ByteBuffer.allocate(name.length + 2 + 32);
    in.put(name).put((byte) '\n').put((byte) 0x01).put(logKey.publicKey());
    return Hash.sha256(in.array());
  }

  /**
   * The log key in PEM, for tools that take {@code --key FILE}.
   *
   * @param logKey the log key
   * @return a {@code PUBLIC KEY} PEM block
   */
  public static String pem(NoteVerifierKey logKey) {
    return "-----BEGIN PUBLIC KEY-----\n"
        + B64.encodeToString(spki(logKey))
        + "\n-----END PUBLIC KEY-----\n";
  }
}
