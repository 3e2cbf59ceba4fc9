package io.sovereignrouter.gateway.scan;

import java.util.Locale;

/** What a tenant wants done when a request carries credentials (DESIGN §1 stage 2). */
public enum LeakAction {
  /** Replace each secret with {@code [REDACTED:<rule>#<n>]} and forward (the default). */
  REDACT,
  /** Reject the request: 400 {@code credential_leak}, naming rules and locations only. */
  BLOCK,
  /** Forward unchanged; record the findings only. */
  LOG;

  /**
   * Parses a config value.
   *
   * @param value {@code redact}, {@code block} or {@code log}
   * @return the action
   * @throws ScanException for any other value
   */
  public static LeakAction parse(String value) {
    return switch (value) {
      case "redact" -> REDACT;
      case "block" -> BLOCK;
      case "log" -> LOG;
      default ->
          throw new ScanException(
              "leak action: expected redact, block or log, seen '" + value + "'");
    };
  }

  /** The config value. */
  public String configValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
