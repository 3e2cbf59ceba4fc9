package io.sovereignrouter.sdk.admin;

/** The period a spend cap applies to; it resets at the start of the next one (UTC). */
public enum SpendPeriod {
  /** A UTC day. */
  DAY,
  /** A UTC calendar month. */
  MONTH;

  /**
   * The wire name.
   *
   * @return {@code day} or {@code month}
   */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
