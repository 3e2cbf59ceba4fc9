package io.sovereignrouter.gateway.spend;

import io.sovereignrouter.gateway.tenancy.SpendCap;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;

/**
 * Spend caps and usage. Settled spend is derived from recorded usage; in-flight requests hold
 * reservations of their estimated maximum cost, so concurrent requests cannot overshoot a cap by
 * more than one request's underestimate. One contract, two backends; each call is one transaction,
 * serialised per tenant.
 */
public interface SpendLedger {

  /**
   * Holds {@code amountMicros} against the tenant's cap for the period containing {@code now}.
   * Fails with {@link QuotaExceededException} when settled spend plus open holds plus this one
   * would exceed the cap.
   */
  Future<Reservation> reserve(String tenantId, SpendCap cap, long amountMicros, Instant now);

  /** Drops the hold and records what the request really consumed. */
  Future<Void> settle(Reservation reservation, UsageEvent usage);

  /** Drops the hold without usage (the request consumed nothing). */
  Future<Void> release(Reservation reservation);

  /** Records usage of a tenant without a cap (no hold to drop). */
  Future<Void> record(UsageEvent usage);

  /** The cap as it stands at {@code now}. */
  Future<QuotaStatus> status(String tenantId, SpendCap cap, Instant now);

  /** Releases holds created before {@code cutoff} (requests that died without settling). */
  Future<Integer> releaseStale(Instant cutoff);

  /** A usage report. */
  Future<List<UsageRow>> usage(UsageQuery query);
}
