package io.sovereignrouter.gateway.tenancy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;

/**
 * A tenant's spend limit per calendar period (UTC). Money is kept in micro-dollars so sums are
 * exact.
 *
 * @param limitMicros the cap, in millionths of a US dollar
 * @param period the window the cap applies to
 */
public record SpendCap(long limitMicros, Period period) {
  /** Validates. */
  public SpendCap {
    if (limitMicros < 0) {
      throw new IllegalArgumentException("spend cap must not be negative");
    }
    Objects.requireNonNull(period, "period");
  }

  /** The calendar window a cap counts over. */
  public enum Period {
    /** A UTC day. */
    DAY,
    /** A UTC calendar month. */
    MONTH;

    /** First day of the period containing {@code at}. */
    public LocalDate start(Instant at) {
      LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
      return this == DAY ? day : day.withDayOfMonth(1);
    }

    /** When the period containing {@code at} ends (exclusive). */
    public Instant reset(Instant at) {
      LocalDate start = start(at);
      LocalDate next = this == DAY ? start.plusDays(1) : start.plusMonths(1);
      return next.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The wire value. */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
