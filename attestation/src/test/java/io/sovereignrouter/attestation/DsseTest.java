package io.sovereignrouter.attestation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sovereignrouter.attestation.internal.Json;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

class DsseTest {
  private static final Ed25519Signer KEY =
      Ed25519Signer.generate("sovereign.example/attest", new SecureRandom());

  @Test
  void pae_matchesDsseSpecExample() {
    // DSSE protocol.md: PAE("http://example.com/HelloWorld", "hello world").
    byte[] pae =
        Envelopes.pae(
            "http://example.com/HelloWorld", "hello world".getBytes(StandardCharsets.UTF_8));
    assertThat(new String(pae, StandardCharsets.UTF_8))
        .isEqualTo("DSSEv1 29 http://example.com/HelloWorld 11 hello world");
  }

  static Statement statement() {
    ObjectNode predicate = Json.object();
    predicate
        .put("version", 1)
        .put("route_decision_id", "rd_1")
        .put("policy_id", "clinical-strict");
    predicate.putNull("mirror_id");
    return new Statement(
        List.of(
            Subject.of("request", "{}".getBytes(StandardCharsets.UTF_8)),
            Subject.of("response", "ok".getBytes(StandardCharsets.UTF_8))),
        Statements.PREDICATE_TYPE,
        predicate);
  }

  @Test
  void statement_roundTrips() {
    byte[] bytes = Statements.format(statement());
    assertThat(new String(bytes, StandardCharsets.UTF_8))
        .startsWith(
            "{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[{\"name\":\"request\"");
    assertThat(Statements.parse(bytes)).isEqualTo(statement());
  }

  @Test
  void envelope_roundTripsAndVerifies() {
    Envelope env = Statements.sign(statement(), KEY);
    byte[] bytes = Envelopes.format(env);
    assertThat(Envelopes.parse(bytes)).isEqualTo(env);
    assertThat(Envelopes.verify(Envelopes.parse(bytes), KEY.verifierKey()).ok()).isTrue();
    assertThat(env.payloadType()).isEqualTo("application/vnd.in-toto+json");
    assertThat(Statements.parse(env.payload())).isEqualTo(statement());
  }

  @Test
  void envelope_otherKeyIsInvalid() {
    Envelope env = Statements.sign(statement(), KEY);
    Ed25519Signer other = Ed25519Signer.generate(KEY.name(), new SecureRandom());
    assertThat(Envelopes.verify(env, other.verifierKey())).isInstanceOf(Verification.Invalid.class);
  }

  @Test
  void envelope_anyFlippedByteFails() {
    byte[] good = Envelopes.format(Statements.sign(statement(), KEY));
    for (int i = 0; i < good.length; i++) {
      byte[] bad = good.clone();
      bad[i] ^= 0x01;
      assertThat(verifies(bad)).as("byte %d", i).isFalse();
    }
    assertThat(verifies(good)).isTrue();
  }

  @Test
  void parse_rejectsNonCanonicalAndUnknownKeys() {
    byte[] good = Envelopes.format(Statements.sign(statement(), KEY));
    String text = new String(good, StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Envelopes.parse((text + " ").getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(FormatException.class);
    assertThatThrownBy(
            () ->
                Envelopes.parse(
                    text.replace("{\"payload\"", "{\"x\":1,\"payload\"")
                        .getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(FormatException.class);
    assertThatThrownBy(() -> Envelopes.parse((text + "{}").getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(FormatException.class);
  }

  private static boolean verifies(byte[] bytes) {
    try {
      Envelope e = Envelopes.parse(bytes);
      return Envelopes.verify(e, KEY.verifierKey()).ok()
          && Statements.parse(e.payload()).equals(statement());
    } catch (FormatException e) {
      return false;
    }
  }
}
