package io.sovereignrouter.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sovereignrouter.policy.internal.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class WasmPolicyEngineTest {

  @Test
  void decide_concurrentCallersShareSmallPool() throws Exception {
    List<DecisionVectors.Vector> vectors = DecisionVectors.all();
    try (PolicyEngine engine = PolicyEngines.embedded(PolicyBundle.builtin(), 2);
        ExecutorService workers = Executors.newFixedThreadPool(6)) {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int round = 0; round < 4; round++) {
        for (DecisionVectors.Vector v : vectors) {
          results.add(
              workers.submit(
                  () ->
                      engine
                          .decide(PolicyJson.parseInput(Json.format(v.input())))
                          .equals(PolicyJson.parseDecision(v.want()))));
        }
      }
      for (Future<Boolean> f : results) {
        assertThat(f.get()).isTrue();
      }
    }
  }

  @Test
  void evaluateJson_unknownEntrypoint_fails() {
    try (PolicyEngine engine = PolicyEngines.embedded(PolicyBundle.builtin(), 1)) {
      assertThatThrownBy(() -> engine.evaluateJson("sovereign/route/allow", "{}"))
          .isInstanceOf(PolicyEvaluationException.class)
          .hasMessageContaining("sovereign/route/allow");
      // The failed instance was discarded; the engine still works.
      assertThat(engine.evaluateJson(PolicyEngine.DECISION_PATH, "{}"))
          .contains("\"allow\":false")
          .contains("unknown_policy");
    }
  }

  @Test
  void evaluateJson_emptyInput_isDefinedDenyThatTheStrictCodecRejects() {
    try (PolicyEngine engine = PolicyEngines.embedded()) {
      String raw = engine.evaluateJson(PolicyEngine.DECISION_PATH, "{}");
      assertThat(raw).contains("\"allow\":false").contains("\"policy_id\":null");
      // Typed inputs always carry a policy id; a result without one is not a decision.
      assertThatThrownBy(() -> PolicyJson.parseDecision(raw))
          .isInstanceOf(PolicyFormatException.class)
          .hasMessageContaining("decision.policy_id: expected a string, got null");
    }
  }

  @Test
  void decide_largeInputThenSmallOnes_dataSurvivesHeapRewind() {
    // One instance: the data is parsed once and every evaluation rewinds the heap to its end, so a
    // large input must not leave anything behind that a later, smaller one could read.
    try (PolicyEngine one = PolicyEngines.embedded(PolicyBundle.builtin(), 1);
        PolicyEngine fresh = PolicyEngines.embedded(PolicyBundle.builtin(), 1)) {
      PolicyInput large = LargeCatalogInputs.of(50, "standard", 7);
      Decision first = one.decide(large);
      assertThat(first).isInstanceOf(Decision.Allow.class);
      for (DecisionVectors.Vector v : DecisionVectors.all()) {
        assertThat(one.decide(PolicyJson.parseInput(Json.format(v.input()))))
            .as(v.name())
            .isEqualTo(PolicyJson.parseDecision(v.want()));
      }
      assertThat(one.decide(large)).isEqualTo(first).isEqualTo(fresh.decide(large));
    }
  }

  @Test
  void decide_cached_equalsUncachedAndSeesEveryFieldChange() {
    try (PolicyEngine cached = PolicyEngines.embedded(PolicyBundle.builtin(), 1, 4);
        PolicyEngine plain = PolicyEngines.embedded(PolicyBundle.builtin(), 1)) {
      PolicyInput input = LargeCatalogInputs.of(50, "clinical-strict", 3);
      assertThat(cached.cached(PolicyEngine.DECISION_PATH, input)).isEmpty();
      Decision once = cached.decide(input);
      assertThat(cached.decide(input)).isSameAs(once).isEqualTo(plain.decide(input));
      // A hit can be read without evaluating (the gateway answers it on the event loop).
      assertThat(cached.cached(PolicyEngine.DECISION_PATH, input)).containsSame(once);
      assertThat(plain.cached(PolicyEngine.DECISION_PATH, input)).isEmpty();
      // A p95 over the cap must not be answered from the entry of the same input with a lower p95.
      for (PolicyInput changed : List.of(withP95(input, 1_000_000), withInputTokens(input))) {
        assertThat(cached.decide(changed)).isEqualTo(plain.decide(changed)).isNotEqualTo(once);
      }
      for (int seed = 0; seed < 8; seed++) {
        PolicyInput other = LargeCatalogInputs.of(50, "standard", seed);
        assertThat(cached.decide(other)).isEqualTo(plain.decide(other));
      }
    }
  }

  /** Every candidate's p95 set to {@code p95}. */
  private static PolicyInput withP95(PolicyInput in, long p95) {
    return new PolicyInput(
        in.tenant(),
        in.policyId(),
        in.request(),
        in.origin(),
        in.candidates().stream()
            .map(
                c ->
                    new Candidate(
                        c.provider(),
                        c.model(),
                        c.modelHash(),
                        c.declaredTier(),
                        c.witnessScopes(),
                        c.witnessRejections(),
                        c.drift(),
                        c.priceInputPerMtok(),
                        c.priceOutputPerMtok(),
                        c.p50Ms(),
                        p95,
                        c.successRate(),
                        c.healthy(),
                        c.capabilities(),
                        c.priority()))
            .toList());
  }

  /** The request with a huge input estimate, over every cost cap. */
  private static PolicyInput withInputTokens(PolicyInput in) {
    RouteRequest r = in.request();
    return new PolicyInput(
        in.tenant(),
        in.policyId(),
        new RouteRequest(r.model(), r.stream(), r.needs(), 100_000_000L, r.maxOutputTokens()),
        in.origin(),
        in.candidates());
  }

  @Test
  void warmUp_fillsPool_thenDecidesAsBefore() {
    try (PolicyEngine engine = PolicyEngines.embedded(PolicyBundle.builtin(), 2)) {
      engine.warmUp();
      engine.warmUp(); // idempotent: the pool is full
      DecisionVectors.Vector v = DecisionVectors.all().get(0);
      assertThat(engine.decide(PolicyJson.parseInput(Json.format(v.input()))))
          .isEqualTo(PolicyJson.parseDecision(v.want()));
    }
  }

  @Test
  void builtin_digestIsStable() {
    assertThat(PolicyBundle.builtin().digest()).isEqualTo(PolicyBundle.builtin().digest());
  }
}
