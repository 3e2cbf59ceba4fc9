package io.sovereignrouter.sdk.admin;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Requests, tokens and cost over a range of UTC days.
 *
 * @param from the first day counted
 * @param to the last day counted
 * @param rows one per group
 */
public record UsageReport(LocalDate from, LocalDate to, List<UsageRow> rows) {
  /** Validates and copies. */
  public UsageReport {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    rows = List.copyOf(rows);
  }
}
