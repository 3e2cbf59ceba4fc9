package io.sovereignrouter.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sovereignrouter.policy.internal.Json;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared decision vectors on a real OPA server (the pinned binary, {@code policies/} loaded
 * from source), and cross-checked against the embedded engine on the committed bundle.
 */
class OpaServerVectorsTest {
  private static OpaServer server;
  private static PolicyEngine rest;
  private static PolicyEngine embedded;

  @BeforeAll
  static void start() throws Exception {
    server = OpaServer.start();
    rest = new OpaRestEngine(server.base());
    embedded = PolicyEngines.embedded(PolicyBundle.builtin(), 1);
  }

  @AfterAll
  static void stop() throws Exception {
    if (rest != null) {
      rest.close();
    }
    if (embedded != null) {
      embedded.close();
    }
    if (server != null) {
      server.close();
    }
  }

  static Stream<Arguments> vectors() {
    return DecisionVectors.arguments();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void evaluateJson_matchesVector(String name, DecisionVectors.Vector v) {
    String got = rest.evaluateJson(PolicyEngine.DECISION_PATH, Json.format(v.input()));
    assertThat(DecisionVectors.sameJson(Json.parse(got, "result"), v.want()))
        .as("%s: %s%n got:  %s%n want: %s", name, v.desc(), got, v.want())
        .isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void decide_sameAsEmbedded(String name, DecisionVectors.Vector v) {
    PolicyInput input = PolicyJson.parseInput(Json.format(v.input()));
    assertThat(rest.decide(input)).as(name).isEqualTo(embedded.decide(input));
  }

  @Test
  void evaluateJson_undefinedRule_fails() {
    assertThatThrownBy(() -> rest.evaluateJson("sovereign/route/no_such_rule", "{}"))
        .isInstanceOf(PolicyEvaluationException.class)
        .hasMessageContaining("expected a defined result");
  }
}
