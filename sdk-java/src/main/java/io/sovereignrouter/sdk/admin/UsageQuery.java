package io.sovereignrouter.sdk.admin;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What {@link SovereignAdmin#usage(UsageQuery)} asks for: a UTC day range (default: this month so
 * far), optionally one tenant, grouped by any of {@link UsageGroup} (none: one total row).
 * Immutable.
 */
public final class UsageQuery {
  private final Optional<LocalDate> from;
  private final Optional<LocalDate> to;
  private final Optional<String> tenant;
  private final Set<UsageGroup> groupBy;

  private UsageQuery(
      Optional<LocalDate> from,
      Optional<LocalDate> to,
      Optional<String> tenant,
      Set<UsageGroup> g) {
    this.from = from;
    this.to = to;
    this.tenant = tenant;
    this.groupBy = g.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(g));
  }

  /**
   * Everything this month so far, as one total.
   *
   * @return the query
   */
  public static UsageQuery thisMonth() {
    return new UsageQuery(Optional.empty(), Optional.empty(), Optional.empty(), Set.of());
  }

  /**
   * From this UTC day on.
   *
   * @param day the first day
   * @return a new query
   */
  public UsageQuery from(LocalDate day) {
    return new UsageQuery(Optional.of(day), to, tenant, groupBy);
  }

  /**
   * Up to and including this UTC day.
   *
   * @param day the last day
   * @return a new query
   */
  public UsageQuery to(LocalDate day) {
    return new UsageQuery(from, Optional.of(day), tenant, groupBy);
  }

  /**
   * Only this tenant.
   *
   * @param tenantId the tenant
   * @return a new query
   */
  public UsageQuery tenant(String tenantId) {
    return new UsageQuery(from, to, Optional.of(Objects.requireNonNull(tenantId)), groupBy);
  }

  /**
   * Grouped by these dimensions.
   *
   * @param first a dimension
   * @param more further dimensions
   * @return a new query
   */
  public UsageQuery groupBy(UsageGroup first, UsageGroup... more) {
    return new UsageQuery(from, to, tenant, EnumSet.of(first, more));
  }

  /**
   * The first day asked for.
   *
   * @return the day, empty for the gateway's default
   */
  public Optional<LocalDate> from() {
    return from;
  }

  /**
   * The last day asked for.
   *
   * @return the day, empty for the gateway's default (today)
   */
  public Optional<LocalDate> to() {
    return to;
  }

  /**
   * The tenant asked for.
   *
   * @return the tenant, empty for all
   */
  public Optional<String> tenant() {
    return tenant;
  }

  /**
   * The dimensions grouped by.
   *
   * @return the dimensions
   */
  public Set<UsageGroup> groupBy() {
    return groupBy;
  }

  @Override
  public String toString() {
    return "UsageQuery[from="
        + from
        + ", to="
        + to
        + ", tenant="
        + tenant
        + ", groupBy="
        + groupBy
        + "]";
  }
}
