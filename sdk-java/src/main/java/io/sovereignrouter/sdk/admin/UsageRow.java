package io.sovereignrouter.sdk.admin;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * One group of a usage report.
 *
 * @param group the group's value for each dimension grouped by
 * @param requests requests served
 * @param inputTokens prompt tokens
 * @param outputTokens completion tokens
 * @param costUsd their cost
 */
public record UsageRow(
    Map<UsageGroup, String> group,
    long requests,
    long inputTokens,
    long outputTokens,
    BigDecimal costUsd) {
  /** Validates and copies. */
  public UsageRow {
    group = Map.copyOf(group);
    Objects.requireNonNull(costUsd, "costUsd");
  }
}
