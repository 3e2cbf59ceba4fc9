package io.sovereignrouter.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelCatalogTest {
  static final String H1 = "sha256:" + "11".repeat(32);
  static final String H2 = "sha256:" + "22".repeat(32);

  static final String CATALOG =
      """
      {"models":[
       {"model":"clinical","provider":"onprem-vllm","provider_model":"llama-3.1-70b","model_hash":"%s",
        "price_input_per_mtok":0.5,"price_output_per_mtok":1.5,
        "capabilities":{"tools":true,"json_mode":true,"vision":false,"context_length":131072}},
       {"model":"clinical","provider":"azure-eu","provider_model":"gpt-4o-eu","model_hash":"%s","tier":"sealed",
        "price_input_per_mtok":2.5,"price_output_per_mtok":10,
        "capabilities":{"tools":true,"json_mode":true,"vision":true,"context_length":128000}}
      ]}
      """
          .formatted(H1, H2);

  @Test
  void parse_formatRoundTrip() {
    ModelCatalog c = ModelCatalog.parse(CATALOG);
    assertThat(c.entries()).hasSize(2);
    assertThat(ModelCatalog.parse(c.format())).isEqualTo(c);
    assertThat(c.entriesFor("clinical"))
        .extracting(CatalogEntry::provider)
        .containsExactly("onprem-vllm", "azure-eu");
    assertThat(c.entriesFor("nope")).isEmpty();
  }

  @Test
  void parse_badHash_fails() {
    assertThatThrownBy(() -> ModelCatalog.parse(CATALOG.replace(H1, "sha256:xyz")))
        .isInstanceOf(PolicyFormatException.class)
        .hasMessageContaining("expected sha256:<64 hex>");
  }

  @Test
  void parse_duplicateMapping_fails() {
    String dup =
        CATALOG.replace(
            "\"azure-eu\",\"provider_model\":\"gpt-4o-eu\"",
            "\"onprem-vllm\",\"provider_model\":\"llama-3.1-70b\"");
    assertThatThrownBy(() -> ModelCatalog.parse(dup))
        .isInstanceOf(PolicyFormatException.class)
        .hasMessageContaining("duplicate mapping");
  }

  @Test
  void parse_unknownField_fails() {
    assertThatThrownBy(
            () ->
                ModelCatalog.parse(
                    CATALOG.replace("\"tier\":\"sealed\"", "\"tier\":\"sealed\",\"x\":1")))
        .isInstanceOf(PolicyFormatException.class)
        .hasMessageContaining("unexpected field");
  }

  @Test
  void candidate_reportedHashOtherThanPinned_isDrifted() {
    CatalogEntry e = ModelCatalog.parse(CATALOG).entries().get(0);
    assertThat(
            e.candidate(WitnessVerifier.WitnessedScopes.NONE, H1, ProviderHealth.UNMEASURED, 0)
                .drift())
        .isEqualTo(DriftState.NONE);
    assertThat(
            e.candidate(WitnessVerifier.WitnessedScopes.NONE, H2, ProviderHealth.UNMEASURED, 0)
                .drift())
        .isEqualTo(DriftState.DRIFTED);
  }

  /**
   * End to end: catalog + witness envelopes + verifier + embedded engine. Only verified statements
   * raise the tier; an expired or forged one leaves the model below clinical-strict's sealed tier,
   * visible in the decision: tier_below_required, missing_witness_scopes and the rejection code.
   */
  @Test
  void decide_tierComesOnlyFromVerifiedStatements() {
    ModelCatalog catalog = ModelCatalog.parse(CATALOG);
    CatalogEntry onprem = catalog.entries().get(0);
    Instant now = Instant.parse("2026-11-23T12:00:00Z");
    List<String> sealedHipaa =
        List.of("no-training", "no-retention", "attested-runtime", "hipaa-baa");
    WitnessEnvelope good =
        WitnessVerifierTest.signed(
            new WitnessStatement(H1, sealedHipaa, Instant.parse("2027-01-01T00:00:00Z")));
    WitnessEnvelope expired =
        WitnessVerifierTest.signed(
            new WitnessStatement(H1, sealedHipaa, Instant.parse("2026-11-01T00:00:00Z")));
    WitnessEnvelope forged =
        new WitnessEnvelope(good.payloadType(), good.payload(), expired.signatures());

    try (PolicyEngine engine = PolicyEngines.embedded(PolicyBundle.builtin(), 1)) {
      Decision ok =
          engine.decide(input(onprem, WitnessVerifierTest.VERIFIER.scopes(List.of(good), H1, now)));
      assertThat(ok).isInstanceOf(Decision.Allow.class);
      assertThat(((Decision.Allow) ok).chain())
          .containsExactly(new ChainEntry("onprem-vllm", "llama-3.1-70b", "sealed", false, 0));

      for (var bad :
          java.util.Map.of(expired, "witness_expired", forged, "witness_bad_signature")
              .entrySet()) {
        WitnessVerifier.WitnessedScopes s =
            WitnessVerifierTest.VERIFIER.scopes(List.of(bad.getKey()), H1, now);
        assertThat(s.scopes()).isEmpty();
        Decision d = engine.decide(input(onprem, s));
        assertThat(d).isInstanceOf(Decision.Deny.class);
        assertThat(((Decision.Deny) d).reasons())
            .containsExactly(
                new Reason("no_qualifying_candidate"),
                new Reason("missing_witness_scopes", "onprem-vllm", "llama-3.1-70b"),
                new Reason("tier_below_required", "onprem-vllm", "llama-3.1-70b"),
                new Reason(bad.getValue(), "onprem-vllm", "llama-3.1-70b"));
      }
    }
  }

  private static PolicyInput input(CatalogEntry e, WitnessVerifier.WitnessedScopes scopes) {
    return new PolicyInput(
        new Tenant("t-clinic", List.of("clinical-strict")),
        "clinical-strict",
        new RouteRequest("clinical", false, new Needs(false, false, false, 2000), 1000, 1000),
        new Origin("https://ehr.clinic.example", "10.0.0.7"),
        List.of(e.candidate(scopes, e.modelHash(), new ProviderHealth(200, 600, 0.999, true), 0)));
  }
}
