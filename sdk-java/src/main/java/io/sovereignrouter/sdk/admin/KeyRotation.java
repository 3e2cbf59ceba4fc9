package io.sovereignrouter.sdk.admin;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The result of rotating a tenant's keys: a new key, and the previous keys that keep working until
 * the overlap ends.
 *
 * @param issued the new key (its secret shown this once)
 * @param previousKeys fingerprints of the keys that now expire
 * @param previousKeysValidUntil when they stop working
 */
public record KeyRotation(
    IssuedKey issued, List<String> previousKeys, Instant previousKeysValidUntil) {
  /** Validates and copies. */
  public KeyRotation {
    Objects.requireNonNull(issued, "issued");
    previousKeys = List.copyOf(previousKeys);
    Objects.requireNonNull(previousKeysValidUntil, "previousKeysValidUntil");
  }
}
