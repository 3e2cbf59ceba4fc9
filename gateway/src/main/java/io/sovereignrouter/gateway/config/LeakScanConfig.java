package io.sovereignrouter.gateway.config;

import java.util.Objects;
import java.util.Set;

/**
 * Stage 2, the credential-leak scan; every setting is optional.
 *
 * @param action {@code redact} (default: secrets are replaced before any provider sees them),
 *     {@code block} (400 {@code credential_leak}) or {@code log} (forwarded unchanged, recorded)
 */
public record LeakScanConfig(String action) {
  /** All defaults. */
  public static final LeakScanConfig DEFAULT = new LeakScanConfig(null);

  /** Fills the default and checks the action. */
  public LeakScanConfig {
    action = Objects.requireNonNullElse(action, "redact");
    if (!Set.of("redact", "block", "log").contains(action)) {
      throw new ConfigException("leak-scan.action must be redact, block or log, was " + action);
    }
  }
}
