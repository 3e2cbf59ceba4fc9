package io.sovereignrouter.attestation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sovereignrouter.attestation.AttestationVerification.Kind;
import io.sovereignrouter.attestation.internal.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one attestation verifier: a genuine attestation passes every check; altering, dropping or
 * adding any member (each signed field of DESIGN §5 and the gateway's extras), the envelope, the
 * receipt or the log makes it fail at the check that owns that part.
 */
class AttestationVerifierTest {
  private static final String ORIGIN = "sovereign.example/log";
  private static final Ed25519Signer LOG_KEY = Ed25519Signer.generate(ORIGIN, new SecureRandom());
  private static final byte[] REQUEST = "{\"model\":\"m\"}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] RESPONSE = "hello".getBytes(StandardCharsets.UTF_8);
  private static final ExchangeDigests DIGESTS =
      new ExchangeDigests(Hash.sha256(REQUEST), Hash.sha256(RESPONSE));

  @TempDir static Path dir;
  private static Path logDir;
  private static Path before;
  private static ObjectNode attestation;
  private static final AttestationVerifier VERIFIER = AttestationVerifier.of(LOG_KEY.verifierKey());

  /** What the gateway signs: every DESIGN §5 field with a non-null value, plus its extras. */
  static ObjectNode predicate() {
    ObjectNode p = Json.object();
    p.put("version", 1)
        .put("route_decision_id", "rd_01")
        .put("log_origin", ORIGIN)
        .put("tenant_id", "tn_1")
        .put("key_fingerprint", "fp_1")
        .put("model", "clinical-chat")
        .put("model_hash", "sha256:" + "ab".repeat(32))
        .put("provider_id", "mock")
        .put("provider_model", "mock-chat")
        .put("policy_id", "clinical-strict")
        .put("policy_digest", "sha256:" + "cd".repeat(32))
        .put("tier_required", "confidential")
        .put("tier_observed", "sealed");
    p.putArray("witnesses").add("witness-a");
    p.put("mirror_id", "mirror.example/log").put("stream", false);
    p.putArray("attempts")
        .addObject()
        .put("provider_id", "mock")
        .put("model", "mock-chat")
        .put("outcome", "ok")
        .put("status", 200);
    p.put("leak_findings", 0);
    p.putObject("usage").put("prompt_tokens", 3).put("completion_tokens", 5);
    p.put("cost_usd", 0.25);
    return p;
  }

  static Envelope sign(JsonNode predicate, Signer key) {
    return Statements.sign(
        new Statement(
            List.of(Subject.of("request", REQUEST), Subject.of("response", RESPONSE)),
            Statements.PREDICATE_TYPE,
            predicate),
        key);
  }

  /** The gateway's {@code _sf_attestation}: predicate members, index, envelope, receipt. */
  static ObjectNode describe(Envelope envelope, InclusionReceipt receipt) {
    ObjectNode out = ((ObjectNode) Statements.parse(envelope.payload()).predicate()).deepCopy();
    out.put("rekor_index", receipt.proof().leafIndex());
    out.set("envelope", Envelopes.toJson(envelope));
    out.set("inclusion_proof", InclusionReceipts.toJson(receipt));
    return out;
  }

  @BeforeAll
  static void writeLog() throws Exception {
    logDir = dir.resolve("log");
    before = dir.resolve("before");
    try (MerkleLog log = open(logDir)) {
      for (int i = 0; i < 300; i++) {
        log.append(("filler-" + i).getBytes(StandardCharsets.UTF_8)).get();
      }
      Envelope envelope = sign(predicate(), LOG_KEY);
      AppendResult r = log.append(Envelopes.format(envelope)).get();
      attestation = describe(envelope, InclusionReceipt.of(r));
      copy(logDir, before);
      for (int i = 0; i < 40; i++) {
        log.append(("later-" + i).getBytes(StandardCharsets.UTF_8)).get();
      }
    }
  }

  private static MerkleLog open(Path at) {
    return MerkleLog.open(
        FileTileStore.open(at), LOG_KEY, new LogConfig(Duration.ofMillis(1), 64, 1000));
  }

  static void copy(Path from, Path to) throws Exception {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  private static byte[] bytes(JsonNode node) {
    return Json.write(node);
  }

  private static Kind failedAt(AttestationVerification v) {
    assertThat(v.ok()).as("verified although it should not: %s", v.checks()).isFalse();
    return v.failure().orElseThrow().kind();
  }

  @Test
  void verify_genuine_passesEveryCheck() {
    AttestationVerification v =
        VERIFIER.verify(bytes(attestation), DIGESTS, LogSource.directory(logDir));
    assertThat(v.ok()).as("%s", v.checks()).isTrue();
    assertThat(v.checks())
        .extracting(AttestationVerification.Check::kind)
        .containsExactly(
            Kind.ENVELOPE_SIGNATURE,
            Kind.SIGNED_FIELDS,
            Kind.EXCHANGE_DIGESTS,
            Kind.INCLUSION,
            Kind.CURRENT_CHECKPOINT,
            Kind.CONSISTENCY);
    assertThat(VERIFIER.verify(bytes(attestation)).ok()).isTrue();
    ObjectNode body = Json.object();
    body.put("id", "chatcmpl-1").set("_sf_attestation", attestation);
    assertThat(VERIFIER.verify(bytes(body)).ok()).as("wrapped in a response body").isTrue();
  }

  static List<String> signedFields() {
    List<String> names = new ArrayList<>();
    predicate().fieldNames().forEachRemaining(names::add);
    return names;
  }

  @ParameterizedTest
  @MethodSource("signedFields")
  void verify_alteredSignedField_fails(String field) {
    ObjectNode bad = attestation.deepCopy();
    JsonNode was = bad.get(field);
    bad.set(field, JsonNodeFactory.instance.textNode("forged-" + was.asText()));
    AttestationVerification v = VERIFIER.verify(bytes(bad));
    assertThat(failedAt(v)).isEqualTo(Kind.SIGNED_FIELDS);
    assertThat(v.failure().orElseThrow().detail()).startsWith(field + ": signed ");
  }

  @ParameterizedTest
  @MethodSource("signedFields")
  void verify_droppedSignedField_fails(String field) {
    ObjectNode bad = attestation.deepCopy();
    bad.remove(field);
    AttestationVerification v = VERIFIER.verify(bytes(bad));
    assertThat(failedAt(v)).isEqualTo(Kind.SIGNED_FIELDS);
    assertThat(v.failure().orElseThrow().detail()).contains("(absent)");
  }

  @ParameterizedTest
  @MethodSource("signedFields")
  void verify_alteredFieldInsideEnvelope_failsSignature(String field) {
    ObjectNode forged = predicate();
    forged.put(field, "forged");
    Envelope genuine = Envelopes.fromJson(attestation.get("envelope"));
    Envelope swapped =
        new Envelope(
            genuine.payloadType(),
            Statements.format(
                new Statement(
                    List.of(Subject.of("request", REQUEST), Subject.of("response", RESPONSE)),
                    Statements.PREDICATE_TYPE,
                    forged)),
            genuine.signatures());
    ObjectNode bad = attestation.deepCopy();
    bad.put(field, "forged");
    bad.set("envelope", Envelopes.toJson(swapped));
    assertThat(failedAt(VERIFIER.verify(bytes(bad)))).isEqualTo(Kind.ENVELOPE_SIGNATURE);
  }

  @Test
  void verify_unsignedExtraMember_fails() {
    ObjectNode bad = attestation.deepCopy();
    bad.put("tier", "sealed");
    AttestationVerification v = VERIFIER.verify(bytes(bad));
    assertThat(failedAt(v)).isEqualTo(Kind.SIGNED_FIELDS);
    assertThat(v.failure().orElseThrow().detail()).startsWith("tier: not signed");
  }

  @Test
  void verify_rekorIndexOffByOne_fails() {
    for (long delta : new long[] {-1, 1}) {
      ObjectNode bad = attestation.deepCopy();
      bad.put("rekor_index", attestation.get("rekor_index").asLong() + delta);
      assertThat(failedAt(VERIFIER.verify(bytes(bad)))).isEqualTo(Kind.SIGNED_FIELDS);
    }
  }

  @Test
  void verify_statementLackingDesignField_fails() throws Exception {
    ObjectNode partial = predicate();
    partial.remove("tier_observed");
    Path other = dir.resolve("partial");
    try (MerkleLog log = open(other)) {
      Envelope envelope = sign(partial, LOG_KEY);
      ObjectNode a =
          describe(envelope, InclusionReceipt.of(log.append(Envelopes.format(envelope)).get()));
      AttestationVerification v = VERIFIER.verify(bytes(a));
      assertThat(failedAt(v)).isEqualTo(Kind.SIGNED_FIELDS);
      assertThat(v.failure().orElseThrow().detail()).endsWith("lacks tier_observed");
    }
  }

  @Test
  void verify_signedByAnotherKey_fails() {
    Ed25519Signer other = Ed25519Signer.generate(ORIGIN, new SecureRandom());
    assertThat(failedAt(AttestationVerifier.of(other.verifierKey()).verify(bytes(attestation))))
        .isEqualTo(Kind.ENVELOPE_SIGNATURE);
  }

  @Test
  void verify_otherExchange_fails() {
    ExchangeDigests other = new ExchangeDigests(DIGESTS.request(), Hash.sha256(REQUEST));
    assertThat(failedAt(VERIFIER.verify(bytes(attestation), other)))
        .isEqualTo(Kind.EXCHANGE_DIGESTS);
  }

  @Test
  void verify_anyFlippedByte_fails() {
    byte[] good = bytes(attestation);
    for (int i = 0; i < good.length; i++) {
      byte[] bad = good.clone();
      bad[i] ^= 0x01;
      assertThat(VERIFIER.verify(bad).ok()).as("byte %d", i).isFalse();
    }
  }

  @Test
  void verify_rolledBackLog_failsConsistency() throws Exception {
    AttestationVerification v = VERIFIER.verify(bytes(attestation), LogSource.directory(before));
    assertThat(v.ok()).as("the log exactly at the receipt's size").isTrue();
    // The same key's checkpoint, smaller than the receipt's tree: the log went back in time.
    Path shorter = dir.resolve("shorter");
    try (MerkleLog log = open(shorter)) {
      log.append("x".getBytes(StandardCharsets.UTF_8)).get();
    }
    AttestationVerification rolled =
        VERIFIER.verify(bytes(attestation), LogSource.directory(shorter));
    assertThat(failedAt(rolled)).isEqualTo(Kind.CONSISTENCY);
    assertThat(rolled.failure().orElseThrow().detail()).startsWith("log rolled back");
  }

  @Test
  void verify_forkedLog_failsConsistency() throws Exception {
    // Same key, same sizes, different history: both logs are internally valid.
    Path fork = dir.resolve("fork");
    try (MerkleLog log = open(fork)) {
      for (int i = 0; i < 341; i++) {
        log.append(("fork-" + i).getBytes(StandardCharsets.UTF_8)).get();
      }
    }
    AttestationVerification v = VERIFIER.verify(bytes(attestation), LogSource.directory(fork));
    assertThat(failedAt(v)).isEqualTo(Kind.CONSISTENCY);
  }

  @Test
  void verify_tamperedTile_failsConsistency() throws Exception {
    Path tampered = dir.resolve("tampered");
    copy(logDir, tampered);
    // Every hash tile (any level: a proof may read a node from level 0 or from a higher tile).
    try (Stream<Path> files = Files.walk(tampered.resolve("tile"))) {
      for (Path tile : files.filter(Files::isRegularFile).toList()) {
        if (!tile.toString().contains("/entries/")) {
          byte[] b = Files.readAllBytes(tile);
          b[b.length - 1] ^= 0x01;
          Files.write(tile, b);
        }
      }
    }
    AttestationVerification v = VERIFIER.verify(bytes(attestation), LogSource.directory(tampered));
    assertThat(failedAt(v)).isEqualTo(Kind.CONSISTENCY);
  }

  @Test
  void verify_checkpointFromAnotherKey_failsCurrentCheckpoint() throws Exception {
    Path other = dir.resolve("otherkey");
    Ed25519Signer key = Ed25519Signer.generate(ORIGIN, new SecureRandom());
    try (MerkleLog log =
        MerkleLog.open(FileTileStore.open(other), key, new LogConfig(Duration.ofMillis(1), 8, 8))) {
      log.append("x".getBytes(StandardCharsets.UTF_8)).get();
    }
    AttestationVerification v = VERIFIER.verify(bytes(attestation), LogSource.directory(other));
    assertThat(failedAt(v)).isEqualTo(Kind.CURRENT_CHECKPOINT);
  }

  @Test
  void verify_notJson_failsFormat() {
    assertThat(failedAt(VERIFIER.verify("{}".getBytes(StandardCharsets.UTF_8))))
        .isEqualTo(Kind.FORMAT);
    assertThat(failedAt(VERIFIER.verify("[".getBytes(StandardCharsets.UTF_8))))
        .isEqualTo(Kind.FORMAT);
  }
}
