package io.sovereignrouter.sdk.admin;

/** What the gateway does with a credential it finds in a tenant's request. */
public enum LeakScanAction {
  /** Replace each secret with {@code [REDACTED:<rule>#<n>]} and go on (the default). */
  REDACT,
  /** Refuse the request: 400 {@code credential_leak}. */
  BLOCK,
  /** Only record the finding in the audit log. */
  LOG;

  /**
   * The wire name.
   *
   * @return {@code redact}, {@code block} or {@code log}
   */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
