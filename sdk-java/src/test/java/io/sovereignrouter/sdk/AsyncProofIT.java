package io.sovereignrouter.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Against a gateway with {@code attestation.proof: async}: the answer's attestation is a signed
 * promise, which the SDK reads, refuses as proof on its own, verifies against the log, and
 * exchanges for the proven form by route decision id.
 */
class AsyncProofIT {
  @RegisterExtension
  static final GatewayFixture gateway = new GatewayFixture("attestation: { proof: async }\n");

  @Test
  void promisedAttestation_verifiesAgainstTheLog_andIsProvenAtTheLookup() {
    SovereignClient client = gateway.client();
    AttestationVerifier verifier = AttestationVerifier.of(gateway.logPub());
    ChatCompletion resp =
        client.chat(ChatRequest.of("mock-chat", ChatMessage.user("promise me an index")));
    Attestation promised = resp.attestation();
    assertThat(promised.proven()).isFalse();

    AttestationVerification alone = verifier.verify(resp);
    assertThat(alone.ok()).isFalse();
    assertThat(alone.failure().orElseThrow().name()).isEqualTo("inclusion");

    Attestation proven = client.attestation(promised.routeDecisionId());
    assertThat(proven.proven()).isTrue();
    assertThat(proven.rekorIndex()).isEqualTo(promised.rekorIndex());
    assertThat(verifier.verify(proven, client.log()).ok()).isTrue();
    AttestationVerification againstLog = verifier.verify(resp, client.log());
    assertThat(againstLog.ok()).as("%s", againstLog.checks()).isTrue();
  }
}
