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
  void builtin_digestIsStable() {
    assertThat(PolicyBundle.builtin().digest()).isEqualTo(PolicyBundle.builtin().digest());
  }
}
