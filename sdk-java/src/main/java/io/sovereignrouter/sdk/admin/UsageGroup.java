package io.sovereignrouter.sdk.admin;

/** A dimension usage can be grouped by. */
public enum UsageGroup {
  /** UTC day. */
  DAY,
  /** Tenant id. */
  TENANT,
  /** Key id. */
  KEY,
  /** Provider id. */
  PROVIDER,
  /** Model id. */
  MODEL;

  /**
   * The wire name.
   *
   * @return the lower-case name used in {@code group_by} and the rows
   */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
