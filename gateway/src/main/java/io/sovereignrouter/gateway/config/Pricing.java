package io.sovereignrouter.gateway.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A model's list price in US dollars per million tokens. Costs are computed exactly and rounded up
 * to the micro-dollar, so a cap is never undercounted.
 *
 * @param inputPerMillion prompt tokens
 * @param outputPerMillion completion tokens
 */
public record Pricing(BigDecimal inputPerMillion, BigDecimal outputPerMillion) {
  /** No charge (the Mock provider's default). */
  public static final Pricing FREE = new Pricing(BigDecimal.ZERO, BigDecimal.ZERO);

  /** Validates. */
  public Pricing {
    inputPerMillion = Objects.requireNonNullElse(inputPerMillion, BigDecimal.ZERO);
    outputPerMillion = Objects.requireNonNullElse(outputPerMillion, BigDecimal.ZERO);
    if (inputPerMillion.signum() < 0 || outputPerMillion.signum() < 0) {
      throw new ConfigException("pricing must not be negative");
    }
  }

  /** Cost of a call in micro-dollars: dollars per million tokens equal micro-dollars per token. */
  public long costMicros(long inputTokens, long outputTokens) {
    return inputPerMillion
        .multiply(BigDecimal.valueOf(inputTokens))
        .add(outputPerMillion.multiply(BigDecimal.valueOf(outputTokens)))
        .setScale(0, RoundingMode.CEILING)
        .longValueExact();
  }
}
