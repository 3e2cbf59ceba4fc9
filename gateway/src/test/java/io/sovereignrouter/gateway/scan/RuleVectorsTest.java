package io.sovereignrouter.gateway.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * True and false positives per rule family, from {@code vectors/*.json}: the generated tables
 * ({@code make_vectors.py}, one documented-format sample and one placeholder per rule) and the
 * hand-written {@code near-misses.json}.
 */
class RuleVectorsTest {

  static Stream<Arguments> vectors() throws IOException {
    List<Arguments> out = new ArrayList<>();
    for (Path file : ScanFixtures.files("vectors")) {
      JsonArray cases = ScanFixtures.json(file).getJsonArray("cases");
      for (int i = 0; i < cases.size(); i++) {
        JsonObject c = cases.getJsonObject(i);
        out.add(Arguments.of(file.getFileName() + ": " + c.getString("desc"), c));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void scan_vector(String name, JsonObject vector) {
    String text = vector.getString("text");
    List<Finding> findings = ScanFixtures.SCANNER.scan(text);
    List<String> rules = findings.stream().map(Finding::rule).toList();
    if (vector.containsKey("want")) {
      assertThat(rules)
          .as("rules found in %s", name)
          .isEqualTo(vector.getJsonArray("want").getList());
    }
    if (vector.containsKey("notWant")) {
      assertThat(rules)
          .as("rules found in %s", name)
          .doesNotContainAnyElementsOf(
              vector.getJsonArray("notWant").getList().stream().map(Object::toString).toList());
    }
    for (Finding f : findings) {
      assertThat(f.end()).isLessThanOrEqualTo(text.length());
      String secret = text.substring(f.start(), f.end());
      assertThat(secret).doesNotStartWith(" ").doesNotEndWith(" ").doesNotContain("\"");
    }
  }

  @Test
  void builtinRules_atLeast150_uniqueIds_eachHasAPositiveVector() throws IOException {
    List<Rule> rules = BuiltinRules.all();
    assertThat(rules).hasSizeGreaterThanOrEqualTo(150);
    Set<String> ids = new HashSet<>();
    rules.forEach(r -> assertThat(ids.add(r.id())).as("unique id %s", r.id()).isTrue());
    Set<String> covered = new HashSet<>();
    vectors()
        .map(a -> (JsonObject) a.get()[1])
        .filter(v -> v.containsKey("want"))
        .forEach(v -> v.getJsonArray("want").forEach(r -> covered.add(r.toString())));
    assertThat(covered).containsAll(ids);
  }

  @Test
  void builtinRules_describedAndKeyworded() {
    for (Rule r : BuiltinRules.all()) {
      assertThat(r.description()).as(r.id()).isNotBlank();
      assertThat(r.keywords()).as(r.id()).isNotEmpty();
    }
  }
}
