package io.sovereignrouter.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.sovereignrouter.policy.internal.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PolicyJsonTest {

  static Stream<Arguments> sharedVectors() {
    return DecisionVectors.arguments();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sharedVectors")
  void formatInput_roundTripsVectorInput(String name, DecisionVectors.Vector v) {
    PolicyInput parsed = PolicyJson.parseInput(Json.format(v.input()));
    JsonNode formatted = Json.parse(PolicyJson.formatInput(parsed), "input");
    assertThat(DecisionVectors.sameJson(formatted, v.input())).as(name).isTrue();
    assertThat(PolicyJson.parseInput(PolicyJson.formatInput(parsed))).isEqualTo(parsed);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sharedVectors")
  void formatInput_sameBytesAsTheTree(String name, DecisionVectors.Vector v) {
    // The inputs digest of the decision record hashes these bytes: the streaming writer must
    // produce exactly what the tree codec writes.
    PolicyInput parsed = PolicyJson.parseInput(Json.format(v.input()));
    assertThat(PolicyJson.formatInput(parsed)).isEqualTo(Json.format(PolicyJson.inputTree(parsed)));
  }

  @Test
  void formatInput_largeCatalog_sameBytesAsTheTree() {
    for (String policy : List.of("standard", "clinical-strict")) {
      for (int seed = 0; seed < 8; seed++) {
        PolicyInput in = LargeCatalogInputs.of(50, policy, seed);
        assertThat(PolicyJson.formatInput(in)).isEqualTo(Json.format(PolicyJson.inputTree(in)));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sharedVectors")
  void formatDecision_roundTripsVectorWant(String name, DecisionVectors.Vector v) {
    Decision parsed = PolicyJson.parseDecision(v.want());
    JsonNode formatted = Json.parse(PolicyJson.formatDecision(parsed), "decision");
    assertThat(DecisionVectors.sameJson(formatted, v.want())).as(name).isTrue();
    assertThat(PolicyJson.parseDecision(PolicyJson.formatDecision(parsed))).isEqualTo(parsed);
  }

  static Stream<Arguments> decisionFiles() throws IOException, URISyntaxException {
    Path dir =
        Path.of(PolicyJsonTest.class.getResource("vectors/decision").toURI()).toAbsolutePath();
    try (Stream<Path> files = Files.list(dir)) {
      return files.sorted().map(p -> Arguments.of(p.getFileName().toString(), p)).toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("decisionFiles")
  void parseDecision_fileVectors(String name, Path file) throws IOException {
    JsonNode v = Json.parse(Files.readString(file, StandardCharsets.UTF_8), name);
    String wantErr = v.get("wantErr").textValue();
    String doc = Json.format(v.get("doc"));
    if (wantErr.isEmpty()) {
      Decision d = PolicyJson.parseDecision(doc);
      assertThat(d.maxLatencyMs()).contains(2000L);
      assertThat(d.maxCostUsd()).contains(new BigDecimal("2"));
    } else {
      assertThatThrownBy(() -> PolicyJson.parseDecision(doc))
          .as(v.get("desc").textValue())
          .isInstanceOf(PolicyFormatException.class)
          .hasMessageContaining(wantErr);
    }
  }

  @Test
  void parseDecision_notJson_fails() {
    assertThatThrownBy(() -> PolicyJson.parseDecision("{\"allow\":"))
        .isInstanceOf(PolicyFormatException.class)
        .hasMessageStartingWith("policy decision: not valid JSON");
  }

  @Test
  void parseDecision_trailingGarbage_fails() {
    assertThatThrownBy(() -> PolicyJson.parseDecision("{} {}"))
        .isInstanceOf(PolicyFormatException.class);
  }

  @Test
  void parseDecision_duplicateKey_fails() {
    assertThatThrownBy(() -> PolicyJson.parseDecision("{\"allow\":true,\"allow\":false}"))
        .isInstanceOf(PolicyFormatException.class);
  }

  @Test
  void parseDecision_oversized_fails() {
    String big = "[" + "0,".repeat(Json.MAX_DOCUMENT_CHARS / 2) + "0]";
    assertThatThrownBy(() -> PolicyJson.parseDecision(big))
        .isInstanceOf(PolicyFormatException.class)
        .hasMessageContaining("expected at most");
  }

  @Test
  void parseInput_unknownDrift_fails() {
    String in =
        Json.format(DecisionVectors.all().get(0).input())
            .replaceFirst("\"drift\":\"none\"", "\"drift\":\"maybe\"");
    assertThatThrownBy(() -> PolicyJson.parseInput(in))
        .isInstanceOf(PolicyFormatException.class)
        .hasMessageContaining("drift: expected none or drifted, got maybe");
  }

  @Test
  void parseInput_negativeTokens_fails() {
    String in =
        Json.format(DecisionVectors.all().get(0).input())
            .replaceFirst("\"input_tokens\":2000", "\"input_tokens\":-1");
    assertThatThrownBy(() -> PolicyJson.parseInput(in))
        .isInstanceOf(PolicyFormatException.class)
        .hasMessageContaining("token counts: expected >= 0");
  }

  @Test
  void formatInput_omitsAbsentOptionals() {
    PolicyInput in =
        new PolicyInput(
            new Tenant("t", List.of("standard")),
            "standard",
            new RouteRequest("auto", false, new Needs(false, false, false, 10), 5, 5),
            new Origin("", "127.0.0.1"),
            List.of(
                new Candidate(
                    "p",
                    "m",
                    "sha256:00",
                    Optional.empty(),
                    List.of(),
                    List.of(),
                    DriftState.NONE,
                    new BigDecimal("0.50"),
                    BigDecimal.ONE,
                    1,
                    2,
                    1.0,
                    true,
                    new Capabilities(true, true, false, 100),
                    0)));
    String json = PolicyJson.formatInput(in);
    assertThat(json).doesNotContain("min_tier").doesNotContain("\"tier\"");
    assertThat(json).contains("\"price_input_per_mtok\":0.5");
    assertThat(PolicyJson.parseInput(json)).isEqualTo(in);
  }

  @Test
  void inputDigest_knownAnswer() {
    PolicyInput in =
        new PolicyInput(
            new Tenant("t-1", List.of("standard")),
            "standard",
            new RouteRequest("auto", false, new Needs(false, false, false, 10), 5, 7),
            new Origin("", "127.0.0.1"),
            List.of());
    assertThat(PolicyJson.formatInput(in))
        .isEqualTo(
            "{\"tenant\":{\"id\":\"t-1\",\"allowed_policies\":[\"standard\"]},\"policy_id\":\"standard\","
                + "\"request\":{\"model\":\"auto\",\"stream\":false,\"needs\":{\"tools\":false,"
                + "\"json_mode\":false,\"vision\":false,\"context_tokens\":10},\"input_tokens\":5,"
                + "\"max_output_tokens\":7},\"origin\":{\"header\":\"\",\"client_address\":\"127.0.0.1\"},"
                + "\"candidates\":[]}");
    // Known answer: `printf '%s' '<the document above>' | sha256sum` (coreutils).
    assertThat(PolicyJson.inputDigest(in))
        .isEqualTo("sha256:b1312be1e2a83e93c81b416b5eb1c934d954a7d9adb842fa72d9cd8a0d039f0d");
  }

  @Test
  void inputDigest_changesWithAnyField() {
    PolicyInput a = LargeCatalogInputs.of(50, "standard", 1);
    assertThat(PolicyJson.inputDigest(a))
        .isEqualTo(PolicyJson.inputDigest(LargeCatalogInputs.of(50, "standard", 1)))
        .isNotEqualTo(PolicyJson.inputDigest(LargeCatalogInputs.of(50, "standard", 2)))
        .isNotEqualTo(PolicyJson.inputDigest(LargeCatalogInputs.of(50, "dev-open", 1)));
  }
}
