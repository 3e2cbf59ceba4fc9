package io.sovereignrouter.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sovereignrouter.attestation.Checkpoint;
import io.sovereignrouter.attestation.CheckpointVerification;
import io.sovereignrouter.attestation.Checkpoints;
import io.sovereignrouter.attestation.Ed25519Signer;
import io.sovereignrouter.attestation.Hash;
import io.sovereignrouter.attestation.TilePath;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Verification fails closed: tampered attestations, a wrong pinned key, another exchange's digests,
 * and a log that rolled back or forked (forged with the log's own key, as only a compromised log
 * could).
 */
class VerificationIT {
  @RegisterExtension static final GatewayFixture gateway = new GatewayFixture();
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ChatRequest HELLO = ChatRequest.of("mock-chat", ChatMessage.user("Hello"));

  private static SovereignClient client;
  private static AttestationVerifier verifier;
  private static byte[] earlyCheckpoint;
  private static ChatCompletion resp;

  @BeforeAll
  static void serve() {
    client = gateway.client();
    verifier = AttestationVerifier.of(gateway.logPub());
    client.chat(HELLO);
    earlyCheckpoint = client.log().checkpoint();
    for (int i = 0; i < 4; i++) {
      client.chat(HELLO);
    }
    resp = client.chat(HELLO);
  }

  @Test
  void verify_untouched_holds() {
    assertThat(verifier.verify(resp, client.log()).ok()).isTrue();
  }

  @Test
  void verify_tamperedProvider_failsSignedFields() {
    assertFails(tamper(a -> a.put("provider_id", "openai")), "signed fields", "provider_id");
  }

  @Test
  void verify_tamperedTier_failsSignedFields() {
    assertFails(tamper(a -> a.put("tier_observed", "sealed")), "signed fields", "tier_observed");
  }

  @Test
  void verify_tamperedIndex_failsSignedFields() {
    assertFails(
        tamper(a -> a.put("rekor_index", a.get("rekor_index").asLong() - 1)),
        "signed fields",
        "rekor_index");
  }

  @Test
  void verify_tamperedPayload_failsSignature() {
    Attestation forged =
        tamper(
            a -> {
              ObjectNode env = (ObjectNode) a.get("envelope");
              String payload =
                  new String(Base64.getDecoder().decode(env.get("payload").asText()))
                      .replace("\"provider_id\":\"mock\"", "\"provider_id\":\"evil\"");
              env.put("payload", Base64.getEncoder().encodeToString(payload.getBytes()));
              a.put("provider_id", "evil");
            });
    assertFails(forged, "envelope signature", "");
  }

  @Test
  void verify_tamperedProofHash_failsInclusion() {
    Attestation forged =
        tamper(
            a -> {
              ArrayNode hashes = (ArrayNode) a.get("inclusion_proof").get("hashes");
              hashes.set(0, MAPPER.getNodeFactory().textNode(Hash.sha256(new byte[1]).format()));
            });
    assertFails(forged, "inclusion in checkpoint", "root mismatch");
  }

  @Test
  void verify_wrongKey_failsSignature() {
    Ed25519Signer other = Ed25519Signer.generate(verifier.logKey().name(), new SecureRandom());
    AttestationVerification v = AttestationVerifier.of(other.verifierKey()).verify(resp);
    assertThat(v.ok()).isFalse();
    assertThat(v.failure().orElseThrow().name()).isEqualTo("envelope signature");
  }

  @Test
  void verify_otherExchange_failsDigests() {
    ChatCompletion other = client.chat(HELLO.withParameter("max_tokens", 3));
    AttestationVerification v = verifier.verify(resp.attestation(), other.digests());
    assertThat(v.ok()).isFalse();
    assertThat(v.failure().orElseThrow().name()).isEqualTo("exchange digests");
  }

  @Test
  void verify_rolledBackLog_failsConsistency() {
    LogSource rolledBack = withCheckpoint(client.log(), earlyCheckpoint);
    AttestationVerification v = verifier.verify(resp, rolledBack);
    assertThat(v.ok()).isFalse();
    assertThat(v.failure().orElseThrow().detail()).contains("rolled back");
  }

  @Test
  void verify_forkedLog_failsConsistency() {
    Checkpoint now = current();
    // A checkpoint of the same size with another root, validly signed: a split view.
    Checkpoint fork = Checkpoint.of(now.origin(), now.size(), Hash.sha256("fork".getBytes()));
    byte[] forged = Checkpoints.sign(fork, gateway.logSigner()).bytes();
    AttestationVerification v = verifier.verify(resp, withCheckpoint(client.log(), forged));
    assertThat(v.ok()).isFalse();
    assertThat(v.failure().orElseThrow().name()).startsWith("consistency ");
  }

  @Test
  void verify_currentCheckpointByOtherKey_fails() {
    Ed25519Signer other = Ed25519Signer.generate(verifier.logKey().name(), new SecureRandom());
    byte[] forged = Checkpoints.sign(current(), other).bytes();
    AttestationVerification v = verifier.verify(resp, withCheckpoint(client.log(), forged));
    assertThat(v.ok()).isFalse();
    assertThat(v.failure().orElseThrow().name()).isEqualTo("current checkpoint");
  }

  @Test
  void verify_malformed_failsFormat() {
    Attestation broken = tamper(a -> a.put("inclusion_proof", MAPPER.createObjectNode()));
    assertFails(broken, "format", "");
  }

  @Test
  void verify_mutatedAttestation_neverThrowsUnexpectedly() {
    // Seeded single-character mutations of a real attestation: parsing may refuse one (a typed
    // SovereignProtocolException), verification must answer with a value, never an exception.
    String json = resp.attestation().json();
    java.util.Random random = new java.util.Random(20261123);
    String alphabet = "{}[]\",:0123456789abcdefxyzABCXYZ+/=_- ";
    int verified = 0;
    for (int i = 0; i < 400; i++) {
      int at = random.nextInt(json.length());
      char c = alphabet.charAt(random.nextInt(alphabet.length()));
      String mutated = json.substring(0, at) + c + json.substring(at + 1);
      Attestation a;
      try {
        a = Attestation.parse(mutated);
      } catch (SovereignProtocolException e) {
        continue;
      }
      AttestationVerification v = verifier.verify(a, resp.digests());
      if (v.ok() && !mutated.equals(json)) {
        verified++;
      }
    }
    // A changed attestation must not verify. The only tolerated exception: a base64 character
    // whose change touches only the unused padding bits decodes to the same bytes (rare).
    assertThat(verified).isLessThanOrEqualTo(1);
  }

  private static Checkpoint current() {
    return switch (Checkpoints.open(client.log().checkpoint(), verifier.logKey())) {
      case CheckpointVerification.Valid v -> v.signed().checkpoint();
      case CheckpointVerification.Invalid i -> throw new AssertionError(i.reason());
    };
  }

  private static LogSource withCheckpoint(LogSource real, byte[] checkpoint) {
    return new LogSource() {
      @Override
      public byte[] checkpoint() {
        return checkpoint.clone();
      }

      @Override
      public Optional<byte[]> tile(TilePath path) {
        return real.tile(path);
      }
    };
  }

  private static Attestation tamper(Consumer<ObjectNode> change) {
    try {
      ObjectNode a = (ObjectNode) MAPPER.readTree(resp.attestation().json());
      change.accept(a);
      return Attestation.parse(MAPPER.writeValueAsString(a));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private static void assertFails(Attestation forged, String check, String detail) {
    AttestationVerification v = verifier.verify(forged);
    assertThat(v.ok()).isFalse();
    AttestationVerification.Check failed = v.failure().orElseThrow();
    assertThat(failed.name()).startsWith(check);
    assertThat(failed.detail()).contains(detail);
  }
}
