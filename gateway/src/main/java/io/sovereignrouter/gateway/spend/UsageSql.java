package io.sovereignrouter.gateway.spend;

import java.util.List;
import java.util.stream.Collectors;

/**
 * SQL both backends share: the schema is identical, only placeholders differ ({@code ?} for SQLite,
 * {@code $n} for PostgreSQL), so statements are written with {@code ?} and renumbered.
 */
final class UsageSql {
  static final String SPENT =
      "SELECT COALESCE(SUM(cost_micros), 0) FROM usage_daily"
          + " WHERE tenant_id = ? AND day >= ? AND day < ?";
  static final String RESERVED =
      "SELECT COALESCE(SUM(amount_micros), 0) FROM spend_reservations WHERE tenant_id = ?";
  static final String INSERT_RESERVATION =
      "INSERT INTO spend_reservations(id, tenant_id, amount_micros, created_at)"
          + " VALUES (?, ?, ?, ?)";
  static final String DELETE_RESERVATION = "DELETE FROM spend_reservations WHERE id = ?";
  static final String DELETE_STALE = "DELETE FROM spend_reservations WHERE created_at < ?";
  static final String UPSERT_USAGE =
      "INSERT INTO usage_daily(day, tenant_id, key_id, provider, model, requests, input_tokens,"
          + " output_tokens, cost_micros) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)"
          + " ON CONFLICT (day, tenant_id, key_id, provider, model) DO UPDATE SET"
          + " requests = usage_daily.requests + 1,"
          + " input_tokens = usage_daily.input_tokens + excluded.input_tokens,"
          + " output_tokens = usage_daily.output_tokens + excluded.output_tokens,"
          + " cost_micros = usage_daily.cost_micros + excluded.cost_micros";

  private UsageSql() {}

  /** The report query for {@code q}: group columns first, then the four sums. */
  static String report(UsageQuery q) {
    List<String> columns = groupColumns(q);
    String select = columns.isEmpty() ? "" : String.join(", ", columns) + ", ";
    String group = columns.isEmpty() ? "" : " GROUP BY " + String.join(", ", columns);
    String order = columns.isEmpty() ? "" : " ORDER BY " + String.join(", ", columns);
    return "SELECT "
        + select
        + "COALESCE(SUM(requests), 0), COALESCE(SUM(input_tokens), 0),"
        + " COALESCE(SUM(output_tokens), 0), COALESCE(SUM(cost_micros), 0)"
        + " FROM usage_daily WHERE day >= ? AND day <= ?"
        + (q.tenantId().isPresent() ? " AND tenant_id = ?" : "")
        + group
        + order;
  }

  /** Group columns in a stable order. */
  static List<String> groupColumns(UsageQuery q) {
    return q.groupBy().stream()
        .sorted()
        .map(UsageQuery.Dimension::column)
        .collect(Collectors.toList());
  }
}
