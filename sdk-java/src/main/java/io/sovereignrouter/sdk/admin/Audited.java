package io.sovereignrouter.sdk.admin;

import java.util.Objects;

/**
 * The result of an administrative change and the audit-log entry that records it.
 *
 * @param value what the change produced
 * @param logIndex the change's index in the gateway's audit log
 * @param <T> the result type
 */
public record Audited<T>(T value, long logIndex) {
  /** Validates. */
  public Audited {
    Objects.requireNonNull(value, "value");
  }
}
