package io.sovereignrouter.policy;

import java.math.BigDecimal;
import java.util.Objects;

/** Small helpers shared by the decision records. */
final class Decisions {
  private Decisions() {}

  /** Strips trailing zeros so that equal amounts compare equal regardless of their JSON form. */
  static BigDecimal normalize(BigDecimal value, String name) {
    Objects.requireNonNull(value, name);
    if (value.signum() < 0) {
      throw new IllegalArgumentException(name + ": expected >= 0, got " + value);
    }
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }
}
