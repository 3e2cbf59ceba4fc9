package io.sovereignrouter.gateway.openai;

import io.sovereignrouter.gateway.http.ApiException;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Type and range of one optional top-level request field. Fields without a rule pass through
 * unchecked, so provider-specific extensions still reach OpenAI-compatible upstreams.
 *
 * @param name JSON field
 * @param types accepted types (any of)
 * @param min lowest numeric value, or NaN for none
 * @param max highest numeric value, or NaN for none
 */
record FieldRule(String name, List<FieldType> types, double min, double max) {

  static FieldRule of(String name, FieldType... types) {
    return new FieldRule(name, List.of(types), Double.NaN, Double.NaN);
  }

  static FieldRule range(String name, FieldType type, double min, double max) {
    return new FieldRule(name, List.of(type), min, max);
  }

  /**
   * Checks the field in {@code body}; absent and null values pass (OpenAI treats null as unset).
   */
  void check(JsonObject body) {
    Object value = body.getValue(name);
    if (value == null) {
      return;
    }
    if (types.stream().noneMatch(t -> t.matches(value))) {
      String expected = String.join(" or ", types.stream().map(FieldType::description).toList());
      throw ApiException.invalid(
          "Invalid type for '"
              + name
              + "': expected "
              + expected
              + ", but got "
              + FieldType.nameOf(value)
              + ".",
          name,
          "invalid_type");
    }
    if (value instanceof Number n && !Double.isNaN(min)) {
      double d = n.doubleValue();
      if (d < min || d > max) {
        throw ApiException.invalid(
            "Invalid value for '"
                + name
                + "': expected a value between "
                + format(min)
                + " and "
                + format(max)
                + ", but got "
                + n
                + ".",
            name,
            "invalid_value");
      }
    }
  }

  private static String format(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
