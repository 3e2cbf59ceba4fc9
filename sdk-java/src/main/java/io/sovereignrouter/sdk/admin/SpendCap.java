package io.sovereignrouter.sdk.admin;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A tenant's spend cap: at most {@code usd} per {@code period}. Requests over it get 402 before any
 * provider is called.
 *
 * @param usd the cap in US dollars (≥ 0)
 * @param period the period it applies to
 */
public record SpendCap(BigDecimal usd, SpendPeriod period) {
  /** Validates. */
  public SpendCap {
    Objects.requireNonNull(usd, "usd");
    Objects.requireNonNull(period, "period");
    if (usd.signum() < 0) {
      throw new IllegalArgumentException("usd must be >= 0");
    }
  }

  /**
   * A daily cap.
   *
   * @param usd dollars per UTC day
   * @return the cap
   */
  public static SpendCap perDay(BigDecimal usd) {
    return new SpendCap(usd, SpendPeriod.DAY);
  }

  /**
   * A monthly cap.
   *
   * @param usd dollars per UTC month
   * @return the cap
   */
  public static SpendCap perMonth(BigDecimal usd) {
    return new SpendCap(usd, SpendPeriod.MONTH);
  }
}
