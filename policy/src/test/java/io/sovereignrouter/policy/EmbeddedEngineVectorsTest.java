package io.sovereignrouter.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.sovereignrouter.policy.internal.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The shared decision vectors on the embedded wasm engine and the committed bundle. */
class EmbeddedEngineVectorsTest {
  private static PolicyEngine engine;

  @BeforeAll
  static void start() {
    engine = PolicyEngines.embedded(PolicyBundle.builtin(), 2);
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> vectors() {
    return DecisionVectors.arguments();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void evaluateJson_matchesVector(String name, DecisionVectors.Vector v) {
    String got = engine.evaluateJson(PolicyEngine.DECISION_PATH, Json.format(v.input()));
    assertThat(DecisionVectors.sameJson(Json.parse(got, "result"), v.want()))
        .as("%s: %s%n got:  %s%n want: %s", name, v.desc(), got, v.want())
        .isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void decide_typedInput_matchesVector(String name, DecisionVectors.Vector v) {
    PolicyInput input = PolicyJson.parseInput(Json.format(v.input()));
    Decision want = PolicyJson.parseDecision(v.want());
    assertThat(engine.decide(input)).as(v.desc()).isEqualTo(want);
  }
}
