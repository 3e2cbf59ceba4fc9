package io.sovereignrouter.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OpaDataApiTest {

  @Test
  void requestPath_rulePath_prefixed() {
    assertThat(OpaDataApi.requestPath(PolicyEngine.DECISION_PATH))
        .isEqualTo("/v1/data/sovereign/route/decision");
  }

  @Test
  void requestPath_notIdentifiers_rejected() {
    for (String bad :
        new String[] {"", "/a", "a/", "a//b", "a/../b", "a?x=1", "a%2Fb", "a.b", "1a"}) {
      assertThatThrownBy(() -> OpaDataApi.requestPath(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void formatRequest_wrapsInput() {
    assertThat(OpaDataApi.formatRequest("{\"a\":[1,2.50]}"))
        .isEqualTo("{\"input\":{\"a\":[1,2.50]}}");
  }

  @Test
  void formatRequest_notOneDocument_rejected() {
    assertThatThrownBy(() -> OpaDataApi.formatRequest("{} {}"))
        .isInstanceOf(PolicyFormatException.class);
  }

  @Test
  void parseResult_definedAndUndefined() {
    assertThat(OpaDataApi.parseResult("{\"result\":{\"allow\":true}}"))
        .contains("{\"allow\":true}");
    assertThat(OpaDataApi.parseResult("{\"result\":false}")).contains("false");
    // OPA answers {} (HTTP 200) when the rule is undefined for the input.
    assertThat(OpaDataApi.parseResult("{}")).isEmpty();
    assertThat(OpaDataApi.parseResult("{\"decision_id\":\"x\"}")).isEmpty();
  }

  @Test
  void parseResult_notAnObject_rejected() {
    assertThatThrownBy(() -> OpaDataApi.parseResult("[]"))
        .isInstanceOf(PolicyFormatException.class)
        .hasMessageContaining("expected an object, got array");
    assertThatThrownBy(() -> OpaDataApi.parseResult("{\"result\":"))
        .isInstanceOf(PolicyFormatException.class);
  }
}
