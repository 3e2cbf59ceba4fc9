package io.sovereignrouter.gateway.spend;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A usage report request: a day range, optionally one tenant, grouped by some dimensions.
 *
 * @param from first UTC day, inclusive
 * @param to last UTC day, inclusive
 * @param tenantId restricts to one tenant
 * @param groupBy dimensions to group by; {@code day} and {@code tenant} may be among them
 */
public record UsageQuery(
    LocalDate from, LocalDate to, Optional<String> tenantId, Set<Dimension> groupBy) {
  /** Validates. */
  public UsageQuery {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(tenantId, "tenantId");
    groupBy = groupBy.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(groupBy));
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to is before from");
    }
  }

  /** A grouping dimension and its column. */
  public enum Dimension {
    /** UTC day. */
    DAY("day"),
    /** Tenant id. */
    TENANT("tenant_id"),
    /** Key id. */
    KEY("key_id"),
    /** Provider id. */
    PROVIDER("provider"),
    /** Model id. */
    MODEL("model");

    private final String column;

    Dimension(String column) {
      this.column = column;
    }

    /** Column name in {@code usage_daily} (identical on both backends). */
    public String column() {
      return column;
    }
  }
}
