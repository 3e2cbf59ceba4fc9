package io.sovereignrouter.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class WitnessVerifierTest {
  static final String HASH = "sha256:" + "ab".repeat(32);
  static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  static final Instant LATER = Instant.parse("2027-01-01T00:00:00Z");

  static KeyPair keyPair() throws Exception {
    return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
  }

  static final KeyPair WITNESS;
  static final KeyPair OTHER;

  static {
    try {
      WITNESS = keyPair();
      OTHER = keyPair();
    } catch (Exception e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  static final WitnessVerifier VERIFIER =
      new WitnessVerifier(List.of(new WitnessKey("w1", WITNESS.getPublic())));

  static WitnessEnvelope signed(WitnessStatement st) {
    return new WitnessSigner("w1", WITNESS.getPrivate()).sign(st);
  }

  static WitnessStatement statement(List<String> scopes) {
    return new WitnessStatement(HASH, scopes, LATER);
  }

  private static String code(WitnessCheck c) {
    return switch (c) {
      case WitnessCheck.Verified v -> "verified";
      case WitnessCheck.Rejected r -> r.code();
    };
  }

  @Test
  void check_validStatement_verified() {
    WitnessCheck c = VERIFIER.check(signed(statement(List.of("no-training"))), HASH, NOW);
    assertThat(c).isEqualTo(new WitnessCheck.Verified(statement(List.of("no-training")), "w1"));
  }

  @Test
  void check_envelopeRoundTripsThroughJson() {
    WitnessEnvelope e = signed(statement(List.of("a", "b")));
    WitnessEnvelope back = WitnessEnvelope.parse(e.format());
    assertThat(back).isEqualTo(e);
    assertThat(code(VERIFIER.check(back, HASH, NOW))).isEqualTo("verified");
  }

  @Test
  void check_wrongPayloadType_rejected() {
    WitnessEnvelope e = signed(statement(List.of("a")));
    WitnessEnvelope other = new WitnessEnvelope("application/json", e.payload(), e.signatures());
    assertThat(code(VERIFIER.check(other, HASH, NOW))).isEqualTo("wrong_payload_type");
  }

  @Test
  void check_signedByUntrustedKey_unknownWitness() {
    WitnessEnvelope e = new WitnessSigner("w1", OTHER.getPrivate()).sign(statement(List.of("a")));
    // Same key id, other key: the trusted key's signature check fails.
    assertThat(code(VERIFIER.check(e, HASH, NOW))).isEqualTo("bad_signature");
    WitnessEnvelope stranger =
        new WitnessSigner("w9", OTHER.getPrivate()).sign(statement(List.of("a")));
    assertThat(code(VERIFIER.check(stranger, HASH, NOW))).isEqualTo("unknown_witness");
  }

  @Test
  void check_forgedScopes_badSignature() {
    WitnessEnvelope e = signed(statement(List.of("no-training")));
    String forged =
        Base64.getEncoder()
            .encodeToString(statement(List.of("no-training", "hipaa-baa")).formatPayload());
    WitnessEnvelope f = new WitnessEnvelope(e.payloadType(), forged, e.signatures());
    assertThat(code(VERIFIER.check(f, HASH, NOW))).isEqualTo("bad_signature");
  }

  @Test
  void check_otherModel_hashMismatch() {
    WitnessEnvelope e =
        signed(new WitnessStatement("sha256:" + "cd".repeat(32), List.of("a"), LATER));
    assertThat(code(VERIFIER.check(e, HASH, NOW))).isEqualTo("model_hash_mismatch");
  }

  @Test
  void check_expiry_isExclusive() {
    WitnessEnvelope e = signed(new WitnessStatement(HASH, List.of("a"), NOW));
    assertThat(code(VERIFIER.check(e, HASH, NOW))).isEqualTo("expired");
    assertThat(code(VERIFIER.check(e, HASH, NOW.minusSeconds(1)))).isEqualTo("verified");
  }

  @Test
  void check_signedGarbage_malformed() throws Exception {
    byte[] payload = "{\"model_hash\":1}".getBytes(StandardCharsets.UTF_8);
    Signature s = Signature.getInstance("Ed25519");
    s.initSign(WITNESS.getPrivate());
    s.update(WitnessEnvelope.pae(WitnessStatement.PAYLOAD_TYPE, payload));
    WitnessEnvelope e =
        new WitnessEnvelope(
            WitnessStatement.PAYLOAD_TYPE,
            Base64.getEncoder().encodeToString(payload),
            List.of(
                new WitnessEnvelope.Signature("w1", Base64.getEncoder().encodeToString(s.sign()))));
    assertThat(code(VERIFIER.check(e, HASH, NOW))).isEqualTo("malformed");
  }

  @Test
  void check_payloadNotBase64_malformed() {
    WitnessEnvelope e = signed(statement(List.of("a")));
    WitnessEnvelope bad = new WitnessEnvelope(e.payloadType(), "%%%", e.signatures());
    assertThat(code(VERIFIER.check(bad, HASH, NOW))).isEqualTo("malformed");
  }

  @Test
  void check_trustedSignatureAfterUnknownOnes_verified() {
    WitnessEnvelope e = signed(statement(List.of("a")));
    List<WitnessEnvelope.Signature> sigs = new ArrayList<>();
    sigs.add(new WitnessEnvelope.Signature("stranger", "AAAA"));
    sigs.addAll(e.signatures());
    assertThat(
            code(
                VERIFIER.check(new WitnessEnvelope(e.payloadType(), e.payload(), sigs), HASH, NOW)))
        .isEqualTo("verified");
  }

  @Test
  void check_signaturesBeyondCap_ignored() {
    WitnessEnvelope e = signed(statement(List.of("a")));
    List<WitnessEnvelope.Signature> sigs = new ArrayList<>();
    for (int i = 0; i < WitnessEnvelope.MAX_SIGNATURES; i++) {
      sigs.add(new WitnessEnvelope.Signature("stranger" + i, "AAAA"));
    }
    sigs.addAll(e.signatures());
    assertThat(
            code(
                VERIFIER.check(new WitnessEnvelope(e.payloadType(), e.payload(), sigs), HASH, NOW)))
        .isEqualTo("unknown_witness");
  }

  @Test
  void scopes_unionOfVerifiedOnly() {
    WitnessVerifier.WitnessedScopes s =
        VERIFIER.scopes(
            List.of(
                signed(statement(List.of("no-training", "no-retention"))),
                signed(new WitnessStatement(HASH, List.of("hipaa-baa"), NOW)),
                signed(statement(List.of("no-training")))),
            HASH,
            NOW);
    assertThat(s.scopes()).containsExactly("no-retention", "no-training");
    assertThat(s.checks())
        .extracting(WitnessVerifierTest::code)
        .containsExactly("verified", "expired", "verified");
  }

  @Test
  void ed25519_rfc8032Test1_verifiesWithRawKey() throws Exception {
    // RFC 8032 §7.1 TEST 1: empty message.
    WitnessKey key =
        WitnessKey.ed25519(
            "rfc8032",
            HexFormat.of()
                .parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"));
    byte[] sig =
        HexFormat.of()
            .parseHex(
                "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
    Signature v = Signature.getInstance("Ed25519");
    v.initVerify(key.publicKey());
    assertThat(v.verify(sig)).isTrue();
  }

  @Test
  void ed25519_wrongLength_fails() {
    assertThatThrownBy(() -> WitnessKey.ed25519("k", new byte[31]))
        .isInstanceOf(PolicyFormatException.class)
        .hasMessageContaining("expected 32 bytes, got 31");
  }

  @Test
  void parsePayload_nonCanonicalExpiry_fails() {
    byte[] p =
        ("{\"model_hash\":\"" + HASH + "\",\"scopes\":[],\"expires\":\"2027-01-01T00:00:00.000Z\"}")
            .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> WitnessStatement.parsePayload(p))
        .isInstanceOf(PolicyFormatException.class);
  }

  @Test
  void pae_matchesDsseDefinition() {
    assertThat(
            new String(
                WitnessEnvelope.pae("t", "ab".getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8))
        .isEqualTo("DSSEv1 1 t 2 ab");
  }
}
