package io.sovereignrouter.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.sovereignrouter.policy.internal.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The shared decision vectors, {@code policies/testdata/decision_vectors.json}: written by hand
 * (see {@code make_vectors.py}), also checked by {@code opa test policies/}.
 */
final class DecisionVectors {
  private DecisionVectors() {}

  /** One vector. */
  record Vector(String name, String desc, JsonNode input, JsonNode want) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Vector> all() {
    try {
      String text =
          Files.readString(
              RepoFiles.policies().resolve("testdata/decision_vectors.json"),
              StandardCharsets.UTF_8);
      JsonNode root = Json.parse(text, "decision vectors");
      List<Vector> out = new ArrayList<>();
      for (JsonNode v : root.get("decision_vectors")) {
        out.add(
            new Vector(
                v.get("name").textValue(),
                v.get("desc").textValue(),
                v.get("input"),
                v.get("want")));
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read decision vectors", e);
    }
  }

  /** Arguments for {@code @MethodSource}: (name, vector). */
  static Stream<Arguments> arguments() {
    return all().stream().map(v -> Arguments.of(v.name(), v));
  }

  /** JSON equality where numbers compare by value (OPA may print 2 where the vector says 2.0). */
  static boolean sameJson(JsonNode a, JsonNode b) {
    Comparator<JsonNode> numeric =
        (x, y) -> {
          if (x.isNumber() && y.isNumber()) {
            return x.decimalValue().compareTo(y.decimalValue());
          }
          return x.equals(y) ? 0 : 1;
        };
    return a.equals(numeric, b);
  }
}
