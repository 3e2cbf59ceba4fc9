package io.sovereignrouter.gateway.spend;

import java.util.Map;

/**
 * One line of a usage report.
 *
 * @param group the grouping dimensions' values
 * @param requests served requests
 * @param inputTokens prompt tokens
 * @param outputTokens completion tokens
 * @param costMicros cost in micro-dollars
 */
public record UsageRow(
    Map<UsageQuery.Dimension, String> group,
    long requests,
    long inputTokens,
    long outputTokens,
    long costMicros) {
  /** Copies the group. */
  public UsageRow {
    group = Map.copyOf(group);
  }
}
