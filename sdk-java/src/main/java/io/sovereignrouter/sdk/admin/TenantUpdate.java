package io.sovereignrouter.sdk.admin;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Settings to set when creating a tenant, or to change with {@link
 * SovereignAdmin#updateTenant(String, TenantUpdate)} ({@code PATCH}: fields not named here stay as
 * they are). Immutable; each method returns a new update.
 *
 * <pre>{@code
 * TenantUpdate.none()
 *     .spendCap(SpendCap.perDay(new BigDecimal("5")))
 *     .rateLimits(RateLimits.none().withRpm(60));
 * }</pre>
 */
public final class TenantUpdate {
  // Wire values in the order set: String, List<String>, Long, or a Map of them; null clears.
  private final Map<String, Object> fields;

  private TenantUpdate(Map<String, Object> fields) {
    this.fields = fields;
  }

  /**
   * An update that changes nothing.
   *
   * @return the empty update
   */
  public static TenantUpdate none() {
    return new TenantUpdate(Map.of());
  }

  private TenantUpdate with(String name, Object value) {
    Map<String, Object> next = new LinkedHashMap<>(fields);
    next.put(name, value);
    return new TenantUpdate(next);
  }

  /**
   * Sets the policies the tenant may use (at least one).
   *
   * @param policies policy ids
   * @return a new update
   */
  public TenantUpdate allowedPolicies(List<String> policies) {
    return with("allowed_policies", List.copyOf(policies));
  }

  /**
   * Sets the default policy (one of the allowed).
   *
   * @param policy a policy id
   * @return a new update
   */
  public TenantUpdate defaultPolicy(String policy) {
    return with("default_policy", policy);
  }

  /**
   * Sets the spend cap.
   *
   * @param cap the cap
   * @return a new update
   */
  public TenantUpdate spendCap(SpendCap cap) {
    Map<String, Object> wire = new LinkedHashMap<>();
    wire.put("usd", cap.usd());
    wire.put("period", cap.period().wireName());
    return with("spend_cap", wire);
  }

  /**
   * Removes the spend cap.
   *
   * @return a new update
   */
  public TenantUpdate clearSpendCap() {
    return with("spend_cap", null);
  }

  /**
   * Sets the rate limits (absent values become unlimited).
   *
   * @param limits the limits
   * @return a new update
   */
  public TenantUpdate rateLimits(RateLimits limits) {
    Map<String, Object> wire = new LinkedHashMap<>();
    put(wire, "rpm", limits.rpm());
    put(wire, "tpm", limits.tpm());
    put(wire, "key_rpm", limits.keyRpm());
    put(wire, "key_tpm", limits.keyTpm());
    return with("rate_limits", wire);
  }

  private static void put(Map<String, Object> wire, String name, OptionalLong value) {
    wire.put(name, value.isPresent() ? value.getAsLong() : null);
  }

  /**
   * Removes every rate limit.
   *
   * @return a new update
   */
  public TenantUpdate clearRateLimits() {
    return with("rate_limits", null);
  }

  /**
   * Sets what happens to credentials found in requests.
   *
   * @param action the action
   * @return a new update
   */
  public TenantUpdate leakScanAction(LeakScanAction action) {
    return with("leak_scan_action", action.wireName());
  }

  /**
   * Sets how many unrevoked keys the tenant may hold (1 to 100).
   *
   * @param max the limit
   * @return a new update
   */
  public TenantUpdate maxActiveKeys(int max) {
    return with("max_active_keys", (long) max);
  }

  /** The JSON members to send, in the order set; a {@code null} value clears the field. */
  Map<String, Object> wire() {
    return Collections.unmodifiableMap(fields);
  }

  @Override
  public String toString() {
    return "TenantUpdate" + fields.keySet();
  }
}
