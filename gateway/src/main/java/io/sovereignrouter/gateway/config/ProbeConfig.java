package io.sovereignrouter.gateway.config;

import java.util.Objects;

/**
 * Active health probing; off unless enabled. Every {@code intervalMs}, each provider+model whose
 * breaker is not closed gets one minimal request (a one-token chat, or a one-word embedding); a
 * success closes the breaker without waiting for client traffic to find out.
 *
 * @param enabled default false (a probe is a real, billed request)
 * @param intervalMs default 15000
 */
public record ProbeConfig(Boolean enabled, Long intervalMs) {
  /** Probing off. */
  public static final ProbeConfig DEFAULT = new ProbeConfig(null, null);

  /** Fills defaults and checks ranges. */
  public ProbeConfig {
    enabled = Objects.requireNonNullElse(enabled, Boolean.FALSE);
    intervalMs = Objects.requireNonNullElse(intervalMs, 15_000L);
    if (intervalMs < 100) {
      throw new ConfigException(
          "routing.health.probe.interval-ms must be at least 100, was " + intervalMs);
    }
  }
}
